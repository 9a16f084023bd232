// Certificates for TLS tests, made with openssl in a temp directory: a CA that signs a
// server certificate for 127.0.0.1/localhost, another CA that signs nothing, and a file
// that is no certificate. Nothing here is trusted by the system.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Why the certificates cannot be made here, or false. */
export const opensslMissing = (): string | false => (fs.existsSync('/usr/bin/openssl') ? false : 'openssl not installed');

/** A CA: its key and self-signed certificate, as files. */
function makeCa(dir: string, name: string): { cert: string; key: string } {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`], { stdio: 'pipe' });
  return { cert, key };
}

function serverCert(dir: string, ca: { cert: string; key: string }): { cert: string; key: string } {
  const key = path.join(dir, 'server.key');
  const csr = path.join(dir, 'server.csr');
  const cert = path.join(dir, 'server.crt');
  const ext = path.join(dir, 'server.ext');
  fs.writeFileSync(ext, 'subjectAltName = IP:127.0.0.1, DNS:localhost\n');
  execFileSync('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=127.0.0.1'], { stdio: 'pipe' });
  execFileSync('openssl', ['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext], { stdio: 'pipe' });
  return { cert: fs.readFileSync(cert, 'utf8'), key: fs.readFileSync(key, 'utf8') };
}

/**
 * Writes test-ca.pem (signed the server's), other-ca.pem and not-a-cert.pem into `dir`;
 * answers the server's certificate and key as PEM text (for startPostgres's `tls`).
 */
export function makeTestCertificates(dir: string): { cert: string; key: string } {
  const ca = makeCa(dir, 'test-ca');
  makeCa(dir, 'other-ca');
  fs.writeFileSync(path.join(dir, 'not-a-cert.pem'), 'hello\n');
  return serverCert(dir, ca);
}
