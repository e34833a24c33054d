package config

import (
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/signpost/signpost/internal/diag"
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
	// itemKeys are, for each item of a list of maps, its keys' lines.
	itemKeys map[string][]map[string]int
}

// ReadKeyLines reads the key lines of src, a document in format ("yaml"
// or "toml"); lines are counted from 1 within src. A document the parser
// refuses has none (its decoder reports the fault).
func ReadKeyLines(format string, src []byte) KeyLines {
	k := KeyLines{keys: map[string]int{}, items: map[string][]int{}, itemKeys: map[string][]map[string]int{}}
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

// ItemKey is the line on which item i of the list under key sets sub
// ("url" of the second source), or 0.
func (k KeyLines) ItemKey(key string, i int, sub string) int {
	if items := k.itemKeys[key]; i >= 0 && i < len(items) {
		return items[i][sub]
	}
	return 0
}

// addItem records an item of the list under key starting on line, and
// returns the map of its keys' lines.
func (k KeyLines) addItem(key string, line int) map[string]int {
	sub := map[string]int{}
	k.items[key] = append(k.items[key], line)
	k.itemKeys[key] = append(k.itemKeys[key], sub)
	return sub
}

func (k KeyLines) set(key string, line int) {
	if _, seen := k.keys[key]; !seen && line > 0 {
		k.keys[key] = line
	}
}

func (k KeyLines) readYAML(src []byte) {
	if f, err := parser.ParseBytes(src, 0); err == nil && len(f.Docs) > 0 {
		k.yamlKeys(f.Docs[0].Body)
	}
}

// DecodeLines is Decode that also reads the lines of the document's keys.
// A YAML document is parsed once for both, as reading the lines costs
// about as much as decoding; anything but a plain mapping takes the way
// through Decode, which reports faults.
func DecodeLines(format, path string, src []byte, v any) (KeyLines, diag.Problem, bool) {
	if format == "yaml" {
		if k, ok := decodeYAMLOnce(path, src, v); ok {
			return k, diag.Problem{}, true
		}
	}
	if p, ok := Decode(format, path, src, v); !ok {
		return KeyLines{}, p, false
	}
	return ReadKeyLines(format, src), diag.Problem{}, true
}

// decodeYAMLOnce decodes a YAML mapping into v, a map, from the tree its
// key lines are read from; false, with v untouched, for anything else.
func decodeYAMLOnce(path string, src []byte, v any) (KeyLines, bool) {
	dst, isMap := v.(*map[string]any)
	if !isMap {
		return KeyLines{}, false
	}
	src = StripBOM(src)
	if _, ok := ValidUTF8(path, src); !ok {
		return KeyLines{}, false
	}
	if _, found := yamlIndentFault(path, src); found {
		return KeyLines{}, false
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil || len(f.Docs) != 1 {
		return KeyLines{}, false
	}
	body := f.Docs[0].Body
	switch body.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
	default:
		return KeyLines{}, false
	}
	var m map[string]any
	if err := yaml.NodeToValue(body, &m); err != nil {
		return KeyLines{}, false
	}
	*dst = m
	k := KeyLines{keys: map[string]int{}, items: map[string][]int{}, itemKeys: map[string][]map[string]int{}}
	k.yamlKeys(body)
	return k, true
}

// yamlKeys records the top-level keys of a document's body.
func (k KeyLines) yamlKeys(body ast.Node) {
	var values []*ast.MappingValueNode
	switch body := body.(type) {
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
			k.yamlItems(key, seq)
		}
	}
}

// yamlItems records the items of the list under key, and the keys of
// those that are maps.
func (k KeyLines) yamlItems(key string, seq *ast.SequenceNode) {
	for i, v := range seq.Values {
		line := v.GetToken().Position.Line
		if i < len(seq.Entries) && seq.Entries[i] != nil && seq.Entries[i].Start != nil {
			// A block item starts at its "-", which may stand on the
			// line before the item's first key.
			line = seq.Entries[i].Start.Position.Line
		}
		sub := k.addItem(key, line)
		var values []*ast.MappingValueNode
		switch m := v.(type) {
		case *ast.MappingNode:
			values = m.Values
		case *ast.MappingValueNode:
			values = []*ast.MappingValueNode{m}
		}
		for _, mv := range values {
			if name := yamlKey(mv.Key); sub[name] == 0 {
				sub[name] = mv.Key.GetToken().Position.Line
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
	table := false          // keys after a [table] header are not top-level
	var item map[string]int // the keys of the [[key]] item being read
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			if item != nil {
				k.tomlSubKey(&p, e, item)
			}
			if table {
				continue
			}
			k.tomlKey(&p, e, false)
			if v := e.Value(); v.Kind == unstable.Array {
				k.tomlItems(&p, e, v)
			}
		case unstable.Table, unstable.ArrayTable:
			table = true
			item = k.tomlKey(&p, e, e.Kind == unstable.ArrayTable)
		}
	}
}

// tomlSubKey records the first part of a key-value's key in sub.
func (k KeyLines) tomlSubKey(p *unstable.Parser, e *unstable.Node, sub map[string]int) {
	if it := e.Key(); it.Next() {
		if name := string(it.Node().Data); sub[name] == 0 {
			sub[name] = p.Shape(it.Node().Raw).Start.Line
		}
	}
}

// tomlKey records the first part of an expression's key ("params" of
// params.x = 1 and of [params.contact]); each [[key]] header is an item,
// whose keys' lines it returns the map for.
func (k KeyLines) tomlKey(p *unstable.Parser, e *unstable.Node, item bool) map[string]int {
	it := e.Key()
	if !it.Next() {
		return nil
	}
	first := it.Node()
	key, line := string(first.Data), p.Shape(first.Raw).Start.Line
	k.set(key, line)
	if item && !it.Next() {
		return k.addItem(key, line)
	}
	return nil
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
		sub := k.addItem(key, line)
		if n.Kind != unstable.InlineTable {
			continue
		}
		for kv := n.Children(); kv.Next(); {
			k.tomlSubKey(p, kv.Node(), sub)
		}
	}
}
