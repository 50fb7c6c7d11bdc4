export function inlineScriptHashes(html: string): string[];
export function pathnameOfCacheKey(key: string): string;
export function hashPolicyFor(pathname: string, html: string): string;
