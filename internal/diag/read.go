package diag

import (
	"context"
	"errors"
	"io/fs"
	"syscall"
)

// ReadExplainer is an error that says what it means for a file that could
// not be read, and what to do (the site folder's reader refuses links out
// of the site, links to folders, pipes and devices with such errors).
type ReadExplainer interface {
	ExplainRead(file string) (message, hint string)
}

// ReadProblem is the problem for a site file that could not be read,
// saying what is true of it and what to do. Every reader of site files
// (content, layouts, data, the config, translations) reports through it,
// so one kind of file says the same thing wherever it is.
func ReadProblem(file string, err error) Problem {
	p := Problem{Path: file, Severity: Error}
	var ex ReadExplainer
	switch {
	case errors.As(err, &ex):
		p.Message, p.Hint = ex.ExplainRead(file)
	case errors.Is(err, fs.ErrPermission):
		p.Message = file + " cannot be read: the computer does not allow Signpost to open it"
		p.Hint = "check the file's permissions"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		p.Message = "build cancelled"
	case errors.Is(err, syscall.EISDIR):
		p.Message = file + " is a folder where a file was expected"
		p.Hint = "rename or move the folder"
	case errors.Is(err, syscall.ELOOP):
		p.Message = file + " is a link in a loop of links that never reaches a file; it is not read"
		p.Hint = "remove the link, or point it at a file"
	default:
		p.Message = file + " cannot be read: " + plainError(err)
		p.Hint = "check that the file exists and can be read"
	}
	return p
}

// plainError is err without the system call and path Go's file errors
// start with.
func plainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
