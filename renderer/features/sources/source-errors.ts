// What each failure of a source means for the person, in words: a title and what to do.
import { errorWords, type ErrorTexts } from '../../format/error-words.js';

const TITLES: ErrorTexts = {
  SOURCE_AUTH_FAILED: 'The server refused the user name or password',
  SOURCE_UNREACHABLE: 'The database cannot be reached',
  SOURCE_CONNECTION_LOST: 'The connection dropped during the import',
  SOURCE_CERTIFICATE_UNTRUSTED: 'The server’s certificate is not trusted',
  SQL_ERROR: 'The database could not run this',
  NOT_FOUND: 'Not found',
  KEYCHAIN_UNAVAILABLE: 'The keychain cannot be reached',
  PERMISSION_DENIED: 'Enclave may not open this file',
  CANCELLED: 'Import cancelled',
  DISK_FULL: 'The disk is full',
};

const HINTS: ErrorTexts = {
  SOURCE_AUTH_FAILED: 'Enter the right password with “Change password…”, or check the user name in the URL.',
  SOURCE_UNREACHABLE: 'Is the server running, and are the host, port and database name right? For a server elsewhere, check its TLS setting.',
  SOURCE_CONNECTION_LOST: 'Nothing was imported. Try again once the server is back.',
  SOURCE_CERTIFICATE_UNTRUSTED: 'Add the database again with the CA certificate that signed the server’s (“CA certificate…”), or choose TLS “On, any certificate”.',
  KEYCHAIN_UNAVAILABLE: 'Unlock the OS keychain (where the password is kept) and try again.',
  CANCELLED: 'Nothing was imported.',
  DISK_FULL: 'Nothing was imported. Free some space and try again.',
};

export const { title: sourceErrorTitle, hint: sourceErrorHint } = errorWords(TITLES, HINTS, 'Something went wrong');
