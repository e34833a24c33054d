package server

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/site"
)

// Watcher turns fsnotify events into one batch of changed paths (relative
// to the site, slash-separated) per burst of events, at most debounce long.
//
// Only the site's inputs count: the config file at the root and the files
// under site.InputDirs. The output folder is never watched, wherever it
// is. fsnotify watches single folders, so the Watcher keeps the set of
// watched folders equal to the site's folders itself: after a burst that
// created, removed or renamed anything, it compares every watched folder
// with what is on disk (by identity, not only by name: a renamed folder
// keeps its watch under its old name) and adds or drops watches. Files
// found in a newly watched folder are reported as changed, since they may
// have arrived before the watch did. Editors' swap and backup files are
// ignored; an atomic save arrives as one change of the saved file.
type Watcher struct {
	root    string
	ignore  []string // absolute folders never watched (the output)
	fw      *fsnotify.Watcher
	Changes chan []string
	done    chan struct{}

	mu   sync.Mutex
	dirs map[string]os.FileInfo // watched folders and what each was when added
}

// NewWatcher watches the site at root. ignore lists folders that are never
// watched even inside the site: the output folder.
func NewWatcher(root string, debounce time.Duration, ignore ...string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		fw.Close()
		return nil, err
	}
	w := &Watcher{root: abs, fw: fw, Changes: make(chan []string, 1), done: make(chan struct{}), dirs: map[string]os.FileInfo{}}
	for _, d := range ignore {
		if a, err := filepath.Abs(d); err == nil {
			w.ignore = append(w.ignore, a)
		}
	}
	if err := w.add(abs); err != nil {
		fw.Close()
		return nil, err
	}
	w.resync()
	go w.loop(debounce)
	return w, nil
}

// Watched lists the watched folders relative to the site ("." for the
// site itself), sorted: for tests and for debugging.
func (w *Watcher) Watched() []string {
	var out []string
	for _, p := range w.fw.WatchList() {
		if rel, err := filepath.Rel(w.root, p); err == nil {
			out = append(out, filepath.ToSlash(rel))
		}
	}
	sort.Strings(out)
	return out
}

// siteDirs walks the input folders on disk: the folders that should be
// watched, with their identity.
func (w *Watcher) siteDirs() map[string]os.FileInfo {
	want := map[string]os.FileInfo{}
	if st, err := os.Stat(w.root); err == nil {
		want[w.root] = st
	}
	for _, d := range site.InputDirs {
		_ = filepath.WalkDir(filepath.Join(w.root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil || !e.IsDir() {
				return nil
			}
			if (d != site.StaticDir && content.Ignored(e.Name())) || w.ignored(p) {
				return filepath.SkipDir
			}
			if st, err := e.Info(); err == nil {
				want[p] = st
			}
			return nil
		})
	}
	return want
}

// resync makes the watched folders the site's folders and returns the
// folders it started watching. Stale watches go first: a folder renamed
// in place keeps its inotify watch, and adding its new name before the
// old one is removed would only rename fsnotify's record of it.
func (w *Watcher) resync() (added []string) {
	want := w.siteDirs()
	w.mu.Lock()
	defer w.mu.Unlock()
	for p, had := range w.dirs {
		if now, ok := want[p]; !ok || !os.SameFile(had, now) {
			_ = w.fw.Remove(p)
			delete(w.dirs, p)
		}
	}
	// fsnotify may still list a watch under a name the Watcher dropped
	// (it renames its record when a folder's new name is added).
	for _, p := range w.fw.WatchList() {
		if _, ok := w.dirs[p]; !ok {
			_ = w.fw.Remove(p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(want)) {
		if _, ok := w.dirs[p]; ok {
			continue
		}
		if err := w.fw.Add(p); err == nil {
			w.dirs[p] = want[p]
			added = append(added, p)
		}
	}
	return added
}

func (w *Watcher) add(p string) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	if err := w.fw.Add(p); err != nil {
		return err
	}
	w.mu.Lock()
	w.dirs[p] = st
	w.mu.Unlock()
	return nil
}

// ignored reports whether p is an ignored folder (the output) or inside one.
func (w *Watcher) ignored(p string) bool {
	for _, d := range w.ignore {
		if p == d || strings.HasPrefix(p, d+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// batch is the changed inputs seen since the last batch was sent.
type batch struct {
	pending    map[string]bool
	structural bool // something was created, removed or renamed
}

func (w *Watcher) loop(debounce time.Duration) {
	// A batch ends when events pause for a moment (an editor's save is a
	// burst of a few events within a millisecond or two) or, during a long
	// burst (a checkout), when debounce has passed since its first event.
	quiet := max(debounce/10, 5*time.Millisecond)
	var maxWait <-chan time.Time
	b := &batch{pending: map[string]bool{}}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-maxWait:
			maxWait = nil
			timer.Reset(0)
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if !w.note(b, ev) {
				continue
			}
			if maxWait == nil {
				maxWait = time.After(debounce)
			}
			timer.Reset(quiet)
		case <-timer.C:
			maxWait = nil
			if !w.send(b) {
				return
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if err == fsnotify.ErrEventOverflow {
				// Events were lost: look at everything again.
				b.structural = true
				b.pending["content"] = true
				timer.Reset(quiet)
			}
		}
	}
}

// note adds the input an event is about to b; false when it is about
// no input.
func (w *Watcher) note(b *batch, ev fsnotify.Event) bool {
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return false
	}
	if ev.Has(fsnotify.Create) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		b.structural = true
	}
	b.pending[rel] = true
	return true
}

// send ends a batch and sends its inputs, sorted, on Changes, unless
// there are none; false when the watcher was closed first.
func (w *Watcher) send(b *batch) bool {
	if b.structural {
		// Until a walk finds nothing new: a folder made inside a
		// new folder before its watch was added raised no event.
		b.structural = false
		for added := w.resync(); len(added) > 0; added = w.resync() {
			w.addFilesOf(added, b.pending)
		}
	}
	if len(b.pending) == 0 {
		return true
	}
	changed := slices.Sorted(maps.Keys(b.pending))
	b.pending = map[string]bool{}
	select {
	case w.Changes <- changed:
		return true
	case <-w.done:
		return false
	}
}

// addFilesOf adds the input files directly inside each folder to pending:
// they may have been created (or moved in with the folder) before the
// folder was watched, and raised no event of their own.
func (w *Watcher) addFilesOf(dirs []string, pending map[string]bool) {
	for _, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			if rel, ok := w.relevant(filepath.Join(d, e.Name())); ok {
				pending[rel] = true
			}
		}
	}
}

// relevant returns the site-relative path of an input: a file or folder
// in one of site.InputDirs, or the config file at the root. Anything else
// (the output folder, logs, editors' files) is not.
func (w *Watcher) relevant(name string) (string, bool) {
	if w.ignored(name) {
		return "", false
	}
	rel, err := filepath.Rel(w.root, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	switch site.Classify(rel) {
	case site.ChangeOther:
		return rel, false
	case site.ChangeStatic, site.ChangeConfig:
		// static/ is published as it is, dot-files included, so every file
		// in it is an input; elsewhere editors' files are not.
		return rel, true
	}
	for _, part := range strings.Split(rel, "/") {
		if content.Ignored(part) {
			return "", false
		}
	}
	return rel, true
}

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	return w.fw.Close()
}
