// Which platform bridge the renderer uses: Electron's preload object when present, else the web one.
import type { SpanwrightBridge } from '../../../src-shared/bridge';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    spanwright?: SpanwrightBridge;
  }
}

export function getBridge(): SpanwrightBridge {
  return window.spanwright ?? createWebBridge();
}
