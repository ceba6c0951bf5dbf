// The background service worker. It will hold the loaded index and answer
// lookups; for now it only exists so the harness can see it start.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    console.info('Minutes Lens installed');
  });
});
