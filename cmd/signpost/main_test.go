//go:build unix

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The test binary is signpost itself when SIGNPOST_MAIN is set, so the
// tests below send real signals to the real main.
func TestMain(m *testing.M) {
	if os.Getenv("SIGNPOST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func signpost(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SIGNPOST_MAIN=1")
	return cmd
}

func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"signpost.toml":   "title = \"S\"\nbaseURL = \"https://example.org/\"\n",
		"content/a.md":    "---\ntitle: A\ndescription: About a.\n---\nText.\n",
		"static/keep.txt": "x\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// wait fails the test unless cmd ends within d.
func wait(t *testing.T, cmd *exec.Cmd, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		t.Fatalf("signpost %s did not stop within %v", strings.Join(cmd.Args[1:], " "), d)
		return nil
	}
}

// A named pipe in the site does not hang the build: it ends, naming it.
func TestBuildWithANamedPipeEnds(t *testing.T) {
	dir := site(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "static", "pipe"), 0o644); err != nil {
		t.Skip(err)
	}
	cmd := signpost(t, dir, "build")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	err := wait(t, cmd, 30*time.Second)
	if err == nil || !strings.Contains(stderr.String(), "static/pipe: error: static/pipe is a named pipe") {
		t.Errorf("exit %v, stderr:\n%s", err, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("a failed build published its output")
	}
}

// Ctrl-C or SIGTERM stops serve, and so do two Ctrl-C in a row (the second
// meets the default handler main restores after the first).
func TestInterruptStops(t *testing.T) {
	for _, signals := range [][]os.Signal{{os.Interrupt}, {syscall.SIGTERM}, {os.Interrupt, os.Interrupt}} {
		dir := site(t)
		cmd := signpost(t, dir, "serve", "--port", "0")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		for lines.Scan() && !strings.HasPrefix(lines.Text(), "Serving the site at") {
		}
		go func() {
			for lines.Scan() {
			}
		}()
		for _, s := range signals {
			if err := cmd.Process.Signal(s); err != nil {
				t.Fatal(err)
			}
		}
		_ = wait(t, cmd, 15*time.Second)
	}
}

func TestSetGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	setGC(func(string) (string, bool) { return "", false })
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GOGC unset: collector at %d%%, want %d%%", got, gcPercent)
	}
	setGC(func(string) (string, bool) { return "100", true })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC=100 in the environment: collector at %d%%, want it left at 100%%", got)
	}
}
