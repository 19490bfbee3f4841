// Minimal types for the WHATWG text codecs: they exist at runtime in browsers and Node but are not in lib ES2023.
// The shapes match lib.dom.d.ts exactly, so they merge cleanly when a build also includes the DOM lib.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoderCommon {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
}

interface TextDecoder extends TextDecoderCommon {
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}

declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoderCommon {
  readonly encoding: string;
}

interface TextEncoder extends TextEncoderCommon {
  encode(input?: string): Uint8Array;
}

declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
