// Keep secrets out of every output: values under secret-looking keys are never shown, whatever the format.

/** Keys whose values may be private keys, tokens or passwords (tls.key, clustermesh…password, *.crt, …). */
const SECRET_KEY = /(key|token|password|passwd|secret|credential|private|tls|\.crt|\.pem|cert)/i;

export const REDACTED = '[redacted]';

/** True when a Helm path or config key may hold a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A value as it may be shown for a key. */
export function shownValue(key: string, value: string): string {
  return isSecretKey(key) ? REDACTED : value;
}

/**
 * A --set style argument as it may be shown: `a=1,tls.key=…` keeps the names and hides the values of
 * secret-looking keys. A JSON or otherwise unparseable remainder after such a key is hidden whole.
 */
export function shownSetText(text: string): string {
  const equals = text.indexOf('=');
  if (equals < 0) return isSecretKey(text) ? REDACTED : text;
  if (!SECRET_KEY.test(text)) return text;
  return text
    .split(',')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at >= 0 && isSecretKey(pair.slice(0, at)) ? `${pair.slice(0, at)}=${REDACTED}` : at < 0 && isSecretKey(pair) ? REDACTED : pair;
    })
    .join(',');
}
