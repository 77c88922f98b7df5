const TOKEN_PARAM = /([?&]token=)[^&#\s"']*/gi;

/**
 * Removes a secret from text that may reach a user, a log or storage: the secret
 * itself, its URL-encoded form, and any `token=` query parameter.
 */
export function redact(text: string, secret: string): string {
  let out = text;
  // The secret's own forms first: a token holding `&` or `#` would cut the pattern short.
  if (secret.length > 0) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.split(form).join('[redacted]');
    }
  }
  return out.replace(TOKEN_PARAM, '$1[redacted]');
}
