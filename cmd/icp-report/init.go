package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/atomicfile"
	"github.com/spf13/cobra"
)

func newInit(e *env) *cobra.Command {
	var force bool
	c := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter model file (the playbook's 100-point model)",
		Long: `init writes the reference ICP model: company size 25, industry 20,
trigger event 20, tech stack 15, decision maker identified 10, geography 5,
funding stage 5 points; tiers at 80 and 65; routing per channel; a
disqualifier and a penalty. Every key is commented. Edit it to your market,
then check it with 'icp-report validate'.

FILE defaults to icp.yaml; "-" writes to standard output. An existing file
is not overwritten unless --force is given.`,
		Example: `  icp-report init
  icp-report init models/icp-2026q4.yaml
  icp-report init - | less`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "icp.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			data := icp.ReferenceYAML()
			if path == "-" {
				_, err := e.stdout.Write(data)
				return err
			}
			if !force {
				if _, err := os.Stat(path); err == nil {
					return fmt.Errorf("%s already exists; use --force to overwrite it", path)
				} else if !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
			if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(e.info, "wrote %s: check it with 'icp-report validate %s'\n", path, path)
			return nil
		},
	}
	c.Flags().BoolVarP(&force, "force", "f", false, "overwrite an existing file")
	return c
}
