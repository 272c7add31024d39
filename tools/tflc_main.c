/* The `tflc` command: dispatches to the subcommands (run, inspect, bench),
 * prints usage and the version. */
#include <stdio.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"
#include "tflc/c_api.h"

typedef struct subcommand {
  const char *name;
  int (*fn)(int argc, char **argv);
  void (*usage)(FILE *out);
  const char *summary;
} subcommand;

static const subcommand kCommands[] = {
    {"run", cmd_run, cmd_run_usage, "run a model on .npy or random inputs"},
    {"inspect", cmd_inspect, cmd_inspect_usage,
     "print a model's structure and memory plan"},
    {"bench", cmd_bench, cmd_bench_usage,
     "time a model's load, allocation and invokes; report memory"},
};
#define N_COMMANDS (sizeof kCommands / sizeof kCommands[0])

static void usage(FILE *out) {
  fprintf(out,
          "usage: tflc COMMAND [ARGS]\n       tflc --version\n\n"
          "commands:\n");
  for (size_t i = 0; i < N_COMMANDS; i++)
    fprintf(out, "  %-10s %s\n", kCommands[i].name, kCommands[i].summary);
  fprintf(out, "\n'tflc help COMMAND' or 'tflc COMMAND --help' for details.\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return CLI_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("tflc %s (TensorFlow Lite C API, schema version %d)\n",
           TfLiteVersion(), TfLiteSchemaVersion());
    return CLI_EXIT_OK;
  }
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    usage(stdout);
    return CLI_EXIT_OK;
  }
  if (strcmp(cmd, "help") == 0) {
    if (argc < 3) {
      usage(stdout);
      return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
      if (strcmp(argv[2], kCommands[i].name) == 0) {
        kCommands[i].usage(stdout);
        return CLI_EXIT_OK;
      }
    fprintf(stderr, "tflc: unknown command '%s'\n", argv[2]);
    return CLI_EXIT_USAGE;
  }
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(cmd, kCommands[i].name) == 0)
      return kCommands[i].fn(argc - 1, argv + 1);
  fprintf(stderr, "tflc: unknown command '%s'\n\n", cmd);
  usage(stderr);
  return CLI_EXIT_USAGE;
}
