// Preloaded (`node --import`) into both servers the bench starts. The bench holds their stdin
// open; when it goes away, even killed outright (SIGKILL, the OOM killer), that pipe closes and
// the server stops as it would on Ctrl-C, so no server is left behind on a random port.
process.stdin.on('end', () => {
  process.kill(process.pid, 'SIGTERM')
  // A graceful stop that hangs still ends.
  setTimeout(() => process.exit(1), 10_000).unref()
})
process.stdin.resume()
// Watching stdin must not keep a server alive that is otherwise done.
process.stdin.unref()

export {}
