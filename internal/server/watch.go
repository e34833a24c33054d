package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/signpost/signpost/internal/content"
)

// watched are the site folders whose changes trigger a rebuild; the
// config file is watched through the site root.
var watched = []string{"content", "layouts", "assets", "static", "data", "archetypes"}

// watcher turns fsnotify events into one signal per burst of changes.
// fsnotify does not watch subfolders, so every folder is added, and new
// folders as they appear; editors' swap and backup files are ignored.
type watcher struct {
	fw      *fsnotify.Watcher
	Changes chan struct{}
	done    chan struct{}
}

func newWatcher(root string, debounce time.Duration) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fw: fw, Changes: make(chan struct{}, 1), done: make(chan struct{})}
	_ = fw.Add(root)
	for _, d := range watched {
		w.addTree(filepath.Join(root, d))
	}
	go w.loop(debounce)
	return w, nil
}

func (w *watcher) addTree(dir string) {
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

func (w *watcher) loop(debounce time.Duration) {
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if content.Ignored(filepath.Base(ev.Name)) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				}
			}
			if timer == nil {
				timer = time.NewTimer(debounce)
			} else {
				timer.Reset(debounce)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			select {
			case w.Changes <- struct{}{}:
			default:
			}
		case <-w.fw.Errors:
		}
	}
}

// Close stops watching.
func (w *watcher) Close() error {
	close(w.done)
	return w.fw.Close()
}
