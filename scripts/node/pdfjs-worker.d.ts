// pdf.js ships no types for its worker module; Node only hands it back to pdf.js (extract-env.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
