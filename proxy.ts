import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

// Locale negotiation: "/" and unprefixed paths redirect to /<locale>/... chosen from
// the NEXT_LOCALE cookie, then Accept-Language, then the default.
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|embed|r/|dev/|.*\\..*).*)"],
};
