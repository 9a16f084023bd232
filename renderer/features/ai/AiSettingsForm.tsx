// Settings › Ask in plain language, for the window's profile: the endpoint, the model, a
// write-only key field (the key goes to the keychain; the page only learns whether one is
// stored), the sample-rows switch, the timeout, and what exactly a question sends.
import { useEffect, useState, type FormEvent } from 'react';
import {
  AI_KEY_MAX,
  AI_MODEL_MAX,
  AI_SAMPLE_ROWS_DEFAULT,
  AI_SAMPLE_ROWS_MAX,
  AI_TIMEOUT_DEFAULT_S,
  AI_TIMEOUT_MAX_S,
  AI_TIMEOUT_MIN_S,
  AI_URL_MAX,
  aiSendsText,
  aiUrlProblem,
  type AiSettingsView,
} from '../../../shared/ai/ai.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { TextField } from '../../components/TextField.js';
import styles from './AiSettingsForm.module.css';
import { clearAiSettings, loadAiSettings, saveAiSettings } from './ai-api.js';

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

export function AiSettingsForm() {
  const [view, setView] = useState<AiSettingsView | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [url, setUrl] = useState('');
  const [model, setModel] = useState('');
  const [key, setKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [samples, setSamples] = useState(false);
  const [sampleRows, setSampleRows] = useState(AI_SAMPLE_ROWS_DEFAULT);
  const [timeout, setTimeoutSeconds] = useState(AI_TIMEOUT_DEFAULT_S);
  const [fieldError, setFieldError] = useState<{ url?: string; model?: string }>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const show = (v: AiSettingsView) => {
    setView(v);
    setUrl(v.settings?.url ?? '');
    setModel(v.settings?.model ?? '');
    setSamples((v.settings?.sampleRows ?? 0) > 0);
    setSampleRows(v.settings?.sampleRows || AI_SAMPLE_ROWS_DEFAULT);
    setTimeoutSeconds(v.settings?.timeoutSeconds ?? AI_TIMEOUT_DEFAULT_S);
    setKey('');
    setRemoveKey(false);
  };

  useEffect(() => {
    let live = true;
    void loadAiSettings().then((r) => {
      if (!live) return;
      if (r.ok) show(r.value);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const finish = (r: Result<AiSettingsView | null>, done: string) => {
    setPending(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    show(r.value ?? { settings: null, hasKey: false });
    setNotice(done);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof fieldError = {};
    const urlProblem = url.trim() ? aiUrlProblem(url.trim()) : 'Enter the endpoint URL';
    if (urlProblem) errors.url = urlProblem;
    if (!model.trim()) errors.model = 'Enter a model name';
    setFieldError(errors);
    setNotice(null);
    setError(null);
    if (Object.keys(errors).length > 0) return;
    setPending(true);
    const r = await saveAiSettings({
      url: url.trim(),
      model: model.trim(),
      sampleRows: samples ? sampleRows : 0,
      timeoutSeconds: timeout,
      ...(key ? { key } : removeKey ? { key: null } : {}),
    });
    finish(r, 'Saved. Questions from the Analysis page now go to this endpoint.');
  };

  const turnOff = async () => {
    setNotice(null);
    setError(null);
    setPending(true);
    finish(await clearAiSettings(), 'Asking is off: the settings and the key are removed, and nothing is sent anywhere.');
  };

  if (loadError) return <ErrorMessage>{loadError.message}</ErrorMessage>;
  if (!view) return null;

  const hasKey = view.hasKey && !removeKey;
  const movesKey = view.hasKey && !key && !removeKey && view.settings !== null && originOf(url.trim()) !== null && originOf(url.trim()) !== originOf(view.settings.url);
  const sends = aiSendsText({ sampleRows: samples ? sampleRows : 0 }, hasKey || key !== '');

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid="ai-settings-form">
      <p className={styles.text}>
        Ask questions about your tables in plain language and get SQL to review. Nothing is configured and nothing is sent anywhere until you set an
        OpenAI-compatible chat-completions endpoint here: a server on this computer (Ollama: <code>http://127.0.0.1:11434/v1</code>, llama.cpp:{' '}
        <code>http://127.0.0.1:8080/v1</code>) or any compatible URL. These settings belong to this profile only.
      </p>
      <TextField
        label="Endpoint URL"
        value={url}
        maxLength={AI_URL_MAX}
        placeholder="http://127.0.0.1:11434/v1"
        onChange={(e) => setUrl(e.target.value)}
        error={fieldError.url ?? null}
        hint="A base URL (…/v1) or the full …/chat/completions URL"
        testId="ai-url"
      />
      <TextField label="Model" value={model} maxLength={AI_MODEL_MAX} placeholder="llama3.1" onChange={(e) => setModel(e.target.value)} error={fieldError.model ?? null} testId="ai-model" />
      <TextField
        label={view.hasKey ? 'API key (a key is stored; type a new one to replace it)' : 'API key (optional)'}
        type="password"
        autoComplete="off"
        value={key}
        maxLength={AI_KEY_MAX}
        placeholder={view.hasKey ? 'Stored in the OS keychain' : 'Only if the endpoint needs one'}
        onChange={(e) => {
          setKey(e.target.value);
          setRemoveKey(false);
        }}
        hint="Kept in the OS keychain under this profile, never in a file; it is sent only in the Authorization header."
        testId="ai-key"
      />
      {view.hasKey && (
        <label className={styles.check}>
          <input type="checkbox" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} data-testid="ai-remove-key" />
          Remove the stored key
        </label>
      )}
      {movesKey && (
        <p className={styles.warning} role="status" data-testid="ai-key-moves">
          <Icon name="alert" size={14} /> The URL points to another server: the stored key will be removed unless you enter it again.
        </p>
      )}
      <label className={styles.check}>
        <input type="checkbox" checked={samples} onChange={(e) => setSamples(e.target.checked)} data-testid="ai-samples" />
        Also send sample rows of each table (off by default: only names and types are sent)
      </label>
      {samples && (
        <label className={styles.number}>
          Rows per table
          <input
            type="number"
            min={1}
            max={AI_SAMPLE_ROWS_MAX}
            value={sampleRows}
            onChange={(e) => setSampleRows(Math.min(AI_SAMPLE_ROWS_MAX, Math.max(1, Math.round(Number(e.target.value) || 1))))}
            className={styles.numberInput}
            data-testid="ai-sample-rows"
          />
        </label>
      )}
      <label className={styles.number}>
        Timeout (seconds)
        <input
          type="number"
          min={AI_TIMEOUT_MIN_S}
          max={AI_TIMEOUT_MAX_S}
          value={timeout}
          onChange={(e) => setTimeoutSeconds(Math.min(AI_TIMEOUT_MAX_S, Math.max(AI_TIMEOUT_MIN_S, Math.round(Number(e.target.value) || AI_TIMEOUT_DEFAULT_S))))}
          className={styles.numberInput}
          data-testid="ai-timeout"
        />
      </label>
      <div className={styles.sends} data-testid="ai-sends">
        <strong>What is sent</strong>
        <p>
          {sends} {url.trim() && originOf(url.trim()) ? <>It goes to {originOf(url.trim())} only.</> : null} Nothing runs until you run it: the SQL is put in the editor
          for you to check.
        </p>
      </div>
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
      {notice && (
        <p className={styles.notice} role="status" data-testid="ai-notice">
          <Icon name="check" size={14} className={styles.noticeIcon} />
          {notice}
        </p>
      )}
      <div className={styles.actions}>
        <Button type="submit" pending={pending} data-testid="ai-save">
          Save
        </Button>
        {view.settings && (
          <Button variant="ghost" disabled={pending} onClick={() => void turnOff()} data-testid="ai-clear">
            Turn off and remove
          </Button>
        )}
      </div>
    </form>
  );
}
