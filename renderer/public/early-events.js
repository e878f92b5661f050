// The web host's event stream, opened while the app's modules load (a classic script runs before
// them, and the browser sends its request at once): by the time the app asks for its first data,
// the stream is open, so no answer can miss an event. Electron's IPC needs no stream.
// See renderer/src/client/liaison-client.ts (createLiaisonClient) and renderer/src/app/start-app.ts.
if (!window.liaison) window.liaisonEvents = new EventSource('/api/events');
