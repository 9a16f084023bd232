// One conversation about a question: the first answer and up to AI_FIX_ROUNDS_MAX
// correction rounds, each kept so the panel can show them; the text of a running answer
// as it streams in; cancel; the error of the last attempt.
import { useCallback, useEffect, useRef, useState } from 'react';
import { AI_FIX_ROUNDS_MAX, type AiAnswer } from '../../../shared/ai/ai.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { useLatest } from '../../hooks/useLatest.js';
import { newId } from '../analysis/analytics-api.js';
import { askAi, cancelAi, fixAiSql, subscribeAiProgress } from './ai-api.js';

export interface AskRound {
  round: number;
  sql: string;
  /** For a correction round: the error DuckDB gave for the SQL sent back. */
  fixing: string | null;
}

export interface Asking {
  requestId: string;
  round: number;
  /** The answer's text so far. */
  text: string;
}

export interface AskState {
  question: string | null;
  rounds: AskRound[];
  running: Asking | null;
  error: AppError | null;
}

const EMPTY: AskState = { question: null, rounds: [], running: null, error: null };

/** `onSql` gets each answer's SQL with the question above it, for the editor. */
export function useAsk(onSql: (text: string) => void) {
  const [state, setState] = useState<AskState>(EMPTY);
  const runningId = useRef<string | null>(null);
  const sqlTarget = useLatest(onSql);

  useEffect(
    () =>
      subscribeAiProgress(({ requestId, delta }) =>
        setState((s) => (s.running?.requestId === requestId ? { ...s, running: { ...s.running, text: s.running.text + delta } } : s)),
      ),
    [],
  );

  const send = useCallback(async (question: string, round: number, fixing: string | null, call: (requestId: string) => Promise<Result<AiAnswer>>) => {
    const requestId = newId();
    runningId.current = requestId;
    setState((s) => ({ question, rounds: round === 0 ? [] : s.rounds, running: { requestId, round, text: '' }, error: null }));
    const result = await call(requestId);
    if (runningId.current !== requestId) return;
    runningId.current = null;
    if (!result.ok) {
      setState((s) => ({ ...s, running: null, error: result.error }));
      return;
    }
    const { sql } = result.value;
    setState((s) => ({ ...s, running: null, rounds: [...s.rounds, { round, sql, fixing }] }));
    sqlTarget.current(`${question.split('\n').map((l) => `-- ${l}`).join('\n')}\n${sql}\n`);
  }, [sqlTarget]);

  const ask = useCallback((question: string) => send(question, 0, null, (requestId) => askAi({ requestId, question, stream: true })), [send]);

  const fix = useCallback(
    (failed: { sql: string; message: string }) => {
      const { question, rounds } = state;
      const round = rounds.length;
      if (!question || round === 0 || round > AI_FIX_ROUNDS_MAX) return Promise.resolve();
      return send(question, round, failed.message, (requestId) => fixAiSql({ requestId, question, sql: failed.sql, error: failed.message.slice(0, 4000), round, stream: true }));
    },
    [send, state],
  );

  const cancel = useCallback(async () => {
    const requestId = runningId.current;
    if (requestId) await cancelAi(requestId);
  }, []);

  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  const reset = useCallback(() => {
    runningId.current = null;
    setState(EMPTY);
  }, []);

  const fixesLeft = state.question && state.rounds.length > 0 ? AI_FIX_ROUNDS_MAX - (state.rounds.length - 1) : 0;
  return { state, ask, fix, cancel, dismissError, reset, fixesLeft };
}
