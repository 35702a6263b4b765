import { secureHeaders } from 'hono/secure-headers';

/**
 * Sensible headers on every answer, and a Content Security Policy with no inline script,
 * so injected markup cannot run code: scripts only from our origin, no plugins, no framing. Styles
 * allow inline `style` attributes (Solid sets them); images and media allow `blob:`/`data:` for
 * camera captures shown before they are saved; the camera is ours only (QR scanning, evidence
 * photos).
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      mediaSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
  });
