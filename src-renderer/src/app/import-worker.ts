// Web worker: parses import files and hashes their documents off the UI thread, so a large
// file never freezes the window.
import { parseRequest, type ParseRequest } from './parse-files';

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  self.postMessage(parseRequest(event.data));
};
