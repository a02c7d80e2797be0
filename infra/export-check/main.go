// Reads a Tocsin export (POST /api/v1/admin/exports) with the official Go driver's BSON and Extended JSON code, the
// code mongorestore and mongoimport are built on, and checks that they would take it:
//
//   - every <collection>.bson is a run of valid BSON documents (mongorestore reads them as they are);
//   - every line of <collection>.json parses as canonical Extended JSON (mongoimport's default since 100.0) into
//     exactly the bytes of the same document in <collection>.bson, so both files hold the same data;
//   - every <collection>.metadata.json parses into the fields mongorestore reads (its indexes, each with a key and
//     a name), and names its collection.
//
// Usage: go run main.go <export directory>/tocsin (infra/export-check/run.sh makes an export and runs it).
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.mongodb.org/mongo-driver/bson"
)

// The fields of a collection's metadata file that mongorestore reads (mongorestore/metadata.go in mongo-tools).
type metadata struct {
	Options        bson.M   `bson:"options,omitempty"`
	Indexes        []bson.D `bson:"indexes"`
	UUID           string   `bson:"uuid,omitempty"`
	CollectionName string   `bson:"collectionName"`
	Type           string   `bson:"type,omitempty"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: export-check <export directory>/<database>")
		os.Exit(2)
	}
	dir := os.Args[1]
	dumps, err := filepath.Glob(filepath.Join(dir, "*.bson"))
	if err != nil || len(dumps) == 0 {
		fail("no .bson files in %s", dir)
	}
	sort.Strings(dumps)
	total := 0
	for _, dump := range dumps {
		name := strings.TrimSuffix(filepath.Base(dump), ".bson")
		documents := readDump(dump)
		lines := checkJSON(filepath.Join(dir, name+".json"), documents)
		indexes := checkMetadata(filepath.Join(dir, name+".metadata.json"), name)
		fmt.Printf("%-28s %8d documents, .json lines identical, %d indexes\n", name, lines, indexes)
		total += lines
	}
	fmt.Printf("OK: %d collections, %d documents\n", len(dumps), total)
}

// The documents of a .bson dump, each validated.
func readDump(path string) []bson.Raw {
	data, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	var documents []bson.Raw
	for len(data) > 0 {
		if len(data) < 5 {
			fail("%s: %d stray bytes at the end", path, len(data))
		}
		size := int(binary.LittleEndian.Uint32(data))
		if size < 5 || size > len(data) {
			fail("%s: document %d declares %d bytes, %d left", path, len(documents)+1, size, len(data))
		}
		document := bson.Raw(data[:size])
		if err := document.Validate(); err != nil {
			fail("%s: document %d is not valid BSON: %v", path, len(documents)+1, err)
		}
		documents = append(documents, document)
		data = data[size:]
	}
	return documents
}

// Parses each line as canonical Extended JSON and compares its BSON with the dump's document of the same place.
func checkJSON(path string, documents []bson.Raw) int {
	file, err := os.Open(path)
	if err != nil {
		fail("%v", err)
	}
	defer file.Close()
	reader := bufio.NewReaderSize(file, 1<<20)
	line := 0
	for {
		text, err := reader.ReadBytes('\n')
		if len(text) > 0 {
			line++
			var parsed bson.Raw
			if perr := bson.UnmarshalExtJSON(bytes.TrimRight(text, "\n"), true, &parsed); perr != nil {
				fail("%s:%d: not canonical Extended JSON: %v", path, line, perr)
			}
			if line > len(documents) {
				fail("%s: more lines than the .bson file has documents (%d)", path, len(documents))
			}
			if !bytes.Equal(parsed, documents[line-1]) {
				fail("%s:%d: differs from document %d of the .bson file:\n  json: %s\n  bson: %s",
					path, line, line, parsed.String(), documents[line-1].String())
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fail("%s: %v", path, err)
		}
	}
	if line != len(documents) {
		fail("%s: %d lines, the .bson file %d documents", path, line, len(documents))
	}
	return line
}

// Parses the metadata as mongorestore does (canonical Extended JSON into its fields); the count of indexes.
func checkMetadata(path string, collection string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	var meta metadata
	if err := bson.UnmarshalExtJSON(data, true, &meta); err != nil {
		fail("%s: mongorestore could not read it: %v", path, err)
	}
	if meta.CollectionName != collection {
		fail("%s: names collection %q", path, meta.CollectionName)
	}
	if len(meta.Indexes) == 0 {
		fail("%s: no indexes (every collection has _id's)", path)
	}
	for i, index := range meta.Indexes {
		fields := index.Map()
		key, hasKey := fields["key"].(bson.D)
		if !hasKey || len(key) == 0 {
			fail("%s: index %d has no key", path, i)
		}
		if name, ok := fields["name"].(string); !ok || name == "" {
			fail("%s: index %d has no name", path, i)
		}
		if _, ok := fields["ns"]; ok {
			fail("%s: index %d keeps the source's namespace", path, i)
		}
	}
	return len(meta.Indexes)
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "export-check: "+format+"\n", args...)
	os.Exit(1)
}
