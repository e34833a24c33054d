package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/signpost/signpost/internal/content"
)

// watched are the site folders whose changes trigger a rebuild; the
// config file is watched through the site root.
var watched = []string{"content", "layouts", "assets", "static", "data", "archetypes"}

// Watcher turns fsnotify events into one batch of changed paths (relative
// to the site, slash-separated) per burst of events, at most debounce long. fsnotify does not
// watch subfolders, so every folder is added, and new folders as they
// appear; editors' swap and backup files are ignored. An atomic save
// (write a temporary file, rename it over the old one) arrives as one
// change of the saved file.
type Watcher struct {
	root    string
	fw      *fsnotify.Watcher
	Changes chan []string
	done    chan struct{}
}

// NewWatcher watches the site at root.
func NewWatcher(root string, debounce time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: abs, fw: fw, Changes: make(chan []string, 1), done: make(chan struct{})}
	if err := fw.Add(abs); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range watched {
		w.addTree(filepath.Join(abs, d))
	}
	go w.loop(debounce)
	return w, nil
}

func (w *Watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && content.Ignored(d.Name()) {
				return filepath.SkipDir
			}
			_ = w.fw.Add(p)
		}
		return nil
	})
}

func (w *Watcher) loop(debounce time.Duration) {
	// A batch ends when events pause for a moment (an editor's save is a
	// burst of a few events within a millisecond or two) or, during a long
	// burst (a checkout), when debounce has passed since its first event.
	quiet := max(debounce/10, 5*time.Millisecond)
	var maxWait <-chan time.Time
	pending := map[string]bool{}
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
			rel, err := filepath.Rel(w.root, ev.Name)
			if err != nil || content.Ignored(filepath.Base(ev.Name)) || !w.relevant(rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
					// Files created with the folder (a copy, an unpack)
					// raised no events of their own.
					_ = filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() && !content.Ignored(d.Name()) {
							if r, err := filepath.Rel(w.root, p); err == nil {
								pending[filepath.ToSlash(r)] = true
							}
						}
						return nil
					})
				}
			}
			pending[filepath.ToSlash(rel)] = true
			if maxWait == nil {
				maxWait = time.After(debounce)
			}
			timer.Reset(quiet)
		case <-timer.C:
			maxWait = nil
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			pending = map[string]bool{}
			select {
			case w.Changes <- batch:
			case <-w.done:
				return
			}
		case <-w.fw.Errors:
		}
	}
}

// relevant keeps changes in the watched folders and to files at the site
// root (the config), but not the output folder or anything else.
func (w *Watcher) relevant(rel string) bool {
	rel = filepath.ToSlash(rel)
	for _, d := range watched {
		if rel == d || len(rel) > len(d) && rel[:len(d)+1] == d+"/" {
			return true
		}
	}
	return filepath.Dir(rel) == "." && !content.Ignored(rel) && rel != "public"
}

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	return w.fw.Close()
}
