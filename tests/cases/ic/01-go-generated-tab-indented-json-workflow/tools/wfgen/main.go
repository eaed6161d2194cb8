// Command wfgen writes .github/workflows/deploy.yml from the Go values in
// pipeline.go. GitHub reads JSON as YAML (JSON is a subset of YAML 1.2), so
// the generated file is plain encoding/json output, indented with tabs.
package main

import (
	"encoding/json"
	"log"
	"os"
)

func main() {
	out, err := json.MarshalIndent(deployWorkflow(), "", "\t")
	if err != nil {
		log.Fatal(err)
	}
	out = append(out, '\n')
	if err := os.WriteFile(".github/workflows/deploy.yml", out, 0o644); err != nil {
		log.Fatal(err)
	}
}
