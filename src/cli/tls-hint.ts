/** Node's codes for an HTTPS certificate it does not trust (self-signed, unknown issuer, wrong host, expired). */
const UNTRUSTED_CERTIFICATE = /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID/;

/**
 * Adds what to do to a failure message that is an untrusted certificate, e.g.
 * `network error: DEPTH_ZERO_SELF_SIGNED_CERT` → `… (the certificate is not trusted; --insecure accepts it)`.
 */
export const withTlsHint = (message: string): string =>
  UNTRUSTED_CERTIFICATE.test(message) ? `${message} (the certificate is not trusted; --insecure accepts it)` : message;
