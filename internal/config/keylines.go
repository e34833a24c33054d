package config

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/pelletier/go-toml/v2/unstable"
)

// KeyLines are the lines on which a YAML or TOML document sets its
// top-level keys, and on which the items of lists under them start, read
// from the parser's own tree. Decoders into maps and structs lose
// positions; messages about keys need them. Searching the text instead
// gets a key inside a nested map, a multi-line string or a comment, and a
// TOML key inside a table, wrong.
type KeyLines struct {
	keys  map[string]int
	items map[string][]int
}

// ReadKeyLines reads the key lines of src, a document in format ("yaml"
// or "toml"); lines are counted from 1 within src. A document the parser
// refuses has none (its decoder reports the fault).
func ReadKeyLines(format string, src []byte) KeyLines {
	k := KeyLines{keys: map[string]int{}, items: map[string][]int{}}
	src = StripBOM(src)
	if format == "toml" {
		k.readTOML(src)
	} else {
		k.readYAML(src)
	}
	return k
}

// Line is the line on which key is set (the first, if set twice), or 0.
func (k KeyLines) Line(key string) int { return k.keys[key] }

// Items are the lines on which the items of the list under key start: a
// block list's "- " lines, a TOML array of tables' [[key]] headers, the
// key's line for each item of a list written on it; nil when key is not
// a list.
func (k KeyLines) Items(key string) []int { return k.items[key] }

func (k KeyLines) set(key string, line int) {
	if _, seen := k.keys[key]; !seen && line > 0 {
		k.keys[key] = line
	}
}

func (k KeyLines) readYAML(src []byte) {
	f, err := parser.ParseBytes(src, 0)
	if err != nil || len(f.Docs) == 0 {
		return
	}
	var values []*ast.MappingValueNode
	switch body := f.Docs[0].Body.(type) {
	case *ast.MappingNode:
		values = body.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{body}
	}
	for _, mv := range values {
		if mv.Key == nil || mv.Key.IsMergeKey() {
			continue
		}
		key := yamlKey(mv.Key)
		if _, seen := k.keys[key]; seen {
			continue
		}
		k.set(key, mv.Key.GetToken().Position.Line)
		if seq, ok := mv.Value.(*ast.SequenceNode); ok {
			for _, v := range seq.Values {
				k.items[key] = append(k.items[key], v.GetToken().Position.Line)
			}
			for i, e := range seq.Entries {
				// A block item starts at its "-", which may stand on
				// the line before the item's first key.
				if i < len(k.items[key]) && e != nil && e.Start != nil {
					k.items[key][i] = e.Start.Position.Line
				}
			}
		}
	}
}

// yamlKey is a mapping key as the decoder reads it: "title", 'title' and
// title are one key.
func yamlKey(n ast.MapKeyNode) string {
	if s, ok := n.(*ast.StringNode); ok {
		return s.Value
	}
	return n.GetToken().Value
}

func (k KeyLines) readTOML(src []byte) {
	var p unstable.Parser
	p.Reset(src)
	table := false // keys after a [table] header are not top-level
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			if !table {
				k.tomlKey(&p, e, false)
			}
			if v := e.Value(); !table && v.Kind == unstable.Array {
				k.tomlItems(&p, e, v)
			}
		case unstable.Table, unstable.ArrayTable:
			table = true
			k.tomlKey(&p, e, e.Kind == unstable.ArrayTable)
		}
	}
}

// tomlKey records the first part of an expression's key ("params" of
// params.x = 1 and of [params.contact]); each [[key]] header is an item.
func (k KeyLines) tomlKey(p *unstable.Parser, e *unstable.Node, item bool) {
	it := e.Key()
	if !it.Next() {
		return
	}
	first := it.Node()
	key, line := string(first.Data), p.Shape(first.Raw).Start.Line
	k.set(key, line)
	if item && !it.Next() {
		k.items[key] = append(k.items[key], line)
	}
}

// tomlItems records the lines of the items of key = [ … ].
func (k KeyLines) tomlItems(p *unstable.Parser, e *unstable.Node, arr *unstable.Node) {
	it := e.Key()
	if !it.Next() {
		return
	}
	key := string(it.Node().Data)
	if it.Next() {
		return // a dotted key's list is not the top-level key's
	}
	for c := arr.Children(); c.Next(); {
		n := c.Node()
		line := k.keys[key]
		if n.Raw.Length > 0 {
			line = p.Shape(n.Raw).Start.Line
		}
		k.items[key] = append(k.items[key], line)
	}
}
