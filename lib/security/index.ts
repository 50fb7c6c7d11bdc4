export { API_CSP, buildPageCsp, type CspOptions, createNonce, parseCsp } from "./csp";
export {
  FRAME_DENY_HEADER,
  isFrameablePath,
  REQUEST_ID_HEADER,
  requestIdFrom,
  SECURITY_HEADERS,
} from "./headers";
export { checkSameOrigin, crossSiteResponse, type OriginVerdict } from "./origin";
