package site

// SetFullShare lets tests keep a session incremental however much of a
// small site a change touches, so the property test exercises that path.
func SetFullShare(s *Session, share float64) { s.fullShare = share }
