//go:build race

package hosting_test

// raceDetector is on in "go test -race": the real-server test then skips,
// as it tests the servers, not Go code running concurrently, and the race
// detector makes its Brotli build a minute long. .ci/run runs it without.
const raceDetector = true
