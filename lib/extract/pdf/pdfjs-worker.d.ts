// pdf.js ships no types for its worker modules. Both are only handed back to pdf.js as
// `globalThis.pdfjsWorker`, so that it runs its worker code in the calling thread
// (scripts/node/extract-env.ts in Node, the library's import worker in the extension).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
