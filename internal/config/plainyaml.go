package config

import "github.com/goccy/go-yaml/ast"

// maxPlainDepth bounds plainMap's recursion; a deeper document takes the
// library's way, which has its own limit and error.
const maxPlainDepth = 200

// plainMap is the map the YAML library's NodeToValue makes of body, read
// straight from the parser's tree, for the documents nearly every front
// matter is: a mapping of text keys, written once each, to scalars, lists
// and maps (the same, nested), without anchors, aliases, tags or merge keys. It reports
// false for anything else, which NodeToValue then decodes (and reports).
// NodeToValue reads every value twice, once into plain values and once
// more by reflection into the map (its first pass resolves anchors): 22%
// of loading a page on the generated corpus. Its values are the nodes'
// own (GetValue), as NodeToValue's are; TestPlainMapIsNodeToValue and
// FuzzPlainMap compare the two.
func plainMap(body ast.Node) (map[string]any, bool) {
	values, ok := mapValues(body)
	if !ok {
		return nil, false
	}
	return plainMapping(values, 1)
}

// plainMapping is the map of a mapping's entries, whose values are at
// depth.
func plainMapping(values []*ast.MappingValueNode, depth int) (map[string]any, bool) {
	m := make(map[string]any, len(values))
	for _, mv := range values {
		key, ok := plainKey(mv.Key)
		if !ok {
			return nil, false
		}
		if _, dup := m[key]; dup {
			return nil, false // the library refuses it: "duplicate key"
		}
		v, ok := plainValue(mv.Value, depth)
		if !ok {
			return nil, false
		}
		m[key] = v
	}
	return m, true
}

// mapValues are the entries of a mapping node.
func mapValues(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

// plainKey is a key written as text, quoted or not.
func plainKey(k ast.MapKeyNode) (string, bool) {
	s, ok := k.(*ast.StringNode)
	if !ok || s.IsMergeKey() {
		return "", false
	}
	return s.Value, true
}

// plainValue is the value of a scalar, list or map node.
func plainValue(n ast.Node, depth int) (any, bool) {
	if depth > maxPlainDepth {
		return nil, false
	}
	switch n := n.(type) {
	case *ast.NullNode:
		return nil, true
	case *ast.StringNode:
		return n.Value, true
	case *ast.IntegerNode:
		return n.Value, true
	case *ast.FloatNode:
		return n.Value, true
	case *ast.BoolNode:
		return n.Value, true
	case *ast.LiteralNode:
		return n.Value.Value, true
	case *ast.SequenceNode:
		list := make([]any, 0, len(n.Values))
		for _, x := range n.Values {
			v, ok := plainValue(x, depth+1)
			if !ok {
				return nil, false
			}
			list = append(list, v)
		}
		return list, true
	case *ast.MappingNode, *ast.MappingValueNode:
		values, _ := mapValues(n)
		if m, ok := plainMapping(values, depth+1); ok {
			return m, true
		}
	}
	return nil, false
}
