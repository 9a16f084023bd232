// Adding a database to the profile: a PostgreSQL or MySQL/MariaDB server by its URL, with
// the password in its own field (it goes to the OS keychain, never into the URL) and TLS
// choices, or a SQLite file chosen in the open dialog (the page gets a token and the
// file's name, never its path).
import { useId, useState, type FormEvent } from 'react';
import type { FileGrant } from '../../../shared/files/file-grants.js';
import { parseSourceUrl, SOURCE_NAME_MAX, SOURCE_PASSWORD_MAX, type SourceInfo, type TlsMode } from '../../../shared/sources/sources.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { Select, type Choice } from '../../components/Select.js';
import { TextField } from '../../components/TextField.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { sourceErrorHint, sourceErrorTitle } from './source-errors.js';
import { chooseFile, type SourceInput } from './sources-api.js';
import styles from './Sources.module.css';

type Kind = 'postgresql' | 'mysql' | 'sqlite';

const KIND_OPTIONS = [
  { value: 'postgresql', label: 'PostgreSQL', testId: 'source-kind-postgresql' },
  { value: 'mysql', label: 'MySQL / MariaDB', testId: 'source-kind-mysql' },
  { value: 'sqlite', label: 'SQLite file', testId: 'source-kind-sqlite' },
] as const;

const PLACEHOLDER: Record<Exclude<Kind, 'sqlite'>, string> = {
  postgresql: 'postgresql://user@localhost:5432/database',
  mysql: 'mysql://user@localhost:3306/database',
};

const TLS_CHOICES: Choice<TlsMode | ''>[] = [
  { value: '', label: 'Default: off on this computer, verified for any other host' },
  { value: 'disable', label: 'Off (plain connection)' },
  { value: 'require', label: 'On, any certificate (encrypted, server not checked)' },
  { value: 'verify-full', label: 'On, verified (a certificate this computer trusts for the host)' },
];

/** A name for the source from its URL's database or the file's name, when the person gave none. */
function suggestedName(kind: Kind, url: string, file: FileGrant | null): string {
  if (kind === 'sqlite') return file ? file.name.replace(/\.(sqlite3?|db3?|s3db|sl3)$/i, '') : '';
  const parsed = parseSourceUrl(url);
  return parsed.ok && parsed.kind !== 'sqlite' ? parsed.database : '';
}

interface AddSourceDialogProps {
  taken: readonly string[];
  onAdd: (input: SourceInput<'addSource'>) => Promise<Result<SourceInfo>>;
  onAdded: (source: SourceInfo) => void;
  onClose: () => void;
}

export function AddSourceDialog({ taken, onAdd, onAdded, onClose }: AddSourceDialogProps) {
  const formId = useId();
  const [kind, setKind] = useState<Kind>('postgresql');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [tls, setTls] = useState<TlsMode | ''>('');
  const [file, setFile] = useState<FileGrant | null>(null);
  const [ca, setCa] = useState<FileGrant | null>(null);
  const [fieldError, setFieldError] = useState<{ name?: string; url?: string; file?: string; ca?: string }>({});
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);

  const effectiveName = name.trim() || suggestedName(kind, url, file);

  /** Asks for a file in the system dialog; a chosen one clears its field's error, a cancelled one changes nothing. */
  const pick = async (purpose: 'database' | 'certificate', field: 'file' | 'ca', set: (file: FileGrant) => void) => {
    setError(null);
    const r = await chooseFile(purpose);
    if (!r.ok) return setError(r.error);
    if (r.value) {
      set(r.value);
      setFieldError((f) => ({ ...f, [field]: undefined }));
    }
  };
  const choose = () => pick('database', 'file', setFile);
  const chooseCa = () => pick('certificate', 'ca', setCa);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const errors: typeof fieldError = {};
    if (!effectiveName) errors.name = 'Give the database a name';
    else if (taken.some((t) => t.toLowerCase() === effectiveName.toLowerCase())) errors.name = 'A source of this name exists already';
    let input: SourceInput<'addSource'> | null = null;
    if (kind === 'sqlite') {
      if (!file) errors.file = 'Choose a SQLite file';
      else input = { name: effectiveName, file: file.token };
    } else {
      const parsed = parseSourceUrl(url);
      if (!url.trim()) errors.url = `Enter the server's URL, e.g. ${PLACEHOLDER[kind]}`;
      else if (!parsed.ok) errors.url = parsed.message;
      else if (parsed.kind === 'sqlite') errors.url = 'A SQLite database is a file: choose “SQLite file” above';
      else if (parsed.kind !== kind) errors.url = `This is a ${parsed.kind === 'mysql' ? 'MySQL' : 'PostgreSQL'} URL: choose ${parsed.kind === 'mysql' ? 'MySQL / MariaDB' : 'PostgreSQL'} above`;
      else input = { name: effectiveName, url: url.trim(), ...(password ? { password } : {}), ...(tls ? { tls } : {}), ...(ca ? { ca: ca.token } : {}) };
    }
    setFieldError(errors);
    setError(null);
    if (!input || Object.keys(errors).length > 0) return;
    setPending(true);
    const done = await onAdd(input);
    setPending(false);
    if (done.ok) return onAdded(done.value);
    if (done.error.code === 'ALREADY_EXISTS') setFieldError({ name: 'A source of this name exists already' });
    else if (done.error.code === 'INVALID_INPUT' && done.error.field === 'url') setFieldError({ url: done.error.message });
    else if (done.error.code === 'INVALID_INPUT' && (done.error.field === 'ca' || done.error.field === 'tls')) {
      // The token was used up: the certificate is chosen again.
      setCa(null);
      setFieldError({ ca: done.error.message });
    } else {
      // A file token works once: a refused file must be chosen again.
      if (kind === 'sqlite') setFile(null);
      setError(done.error);
    }
  };

  return (
    <Dialog
      title="Add a database"
      onClose={onClose}
      testId="add-source-dialog"
      width={560}
      footer={
        <>
          <span className={styles.footNote}>Enclave only reads from it: imports copy rows into this profile.</span>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} pending={pending} data-testid="add-source-submit">
            Add database
          </Button>
        </>
      }
    >
      <form id={formId} className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <SegmentedControl
          label="Kind of database"
          value={kind}
          options={KIND_OPTIONS}
          onChange={(k) => {
            setKind(k);
            setFieldError({});
            setError(null);
          }}
        />
        {kind === 'sqlite' ? (
          <div className={styles.fileRow}>
            <Button onClick={() => void choose()} data-testid="add-source-choose-file">
              {file ? 'Choose another file…' : 'Choose a SQLite file…'}
            </Button>
            <span className={file ? styles.fileName : styles.dim} data-testid="add-source-file-name">
              {file ? file.name : 'Opened read-only; it stays where it is.'}
            </span>
          </div>
        ) : (
          <>
            <TextField
              label="URL"
              value={url}
              placeholder={PLACEHOLDER[kind]}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setUrl(e.target.value)}
              error={fieldError.url ?? null}
              hint="user@host:port/database — without the password, which goes in its own field"
              testId="add-source-url"
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="off"
              value={password}
              maxLength={SOURCE_PASSWORD_MAX}
              onChange={(e) => setPassword(e.target.value)}
              hint="Kept in the OS keychain under this profile, never in a file."
              testId="add-source-password"
            />
            <label className={styles.selectField}>
              <span>TLS</span>
              <Select className={styles.select} value={tls} options={TLS_CHOICES} onChange={setTls} data-testid="add-source-tls" />
            </label>
            <div className={styles.fileRow}>
              <Button onClick={() => void chooseCa()} data-testid="add-source-choose-ca">
                {ca ? 'Choose another CA certificate…' : 'CA certificate…'}
              </Button>
              <span className={ca ? styles.fileName : styles.dim} data-testid="add-source-ca-name">
                {ca ? `${ca.name} — the server is verified against it` : 'Optional: a PEM file, for a server whose certificate your own CA signed.'}
              </span>
              {ca && (
                <Button variant="ghost" onClick={() => setCa(null)} data-testid="add-source-clear-ca">
                  Remove
                </Button>
              )}
            </div>
            {fieldError.ca && <ErrorMessage>{fieldError.ca}</ErrorMessage>}
          </>
        )}
        {fieldError.file && <ErrorMessage>{fieldError.file}</ErrorMessage>}
        <TextField
          label="Name in Enclave"
          value={name}
          maxLength={SOURCE_NAME_MAX}
          placeholder={suggestedName(kind, url, file) || 'e.g. shop'}
          onChange={(e) => setName(e.target.value)}
          error={fieldError.name ?? null}
          testId="add-source-name"
        />
        {error && (
          <ErrorMessage>
            <strong>{sourceErrorTitle(error)}.</strong> {error.message} {sourceErrorHint(error) ?? ''}
          </ErrorMessage>
        )}
        {/* Enter in any field adds the database. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
