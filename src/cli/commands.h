// The CLI's subcommands. Each <name>_command.cc registers one subcommand
// with SITREP_REGISTER_COMMAND; main() adds them in `order`. A command's
// callback stores the process exit status in `exit_code`:
// 0 ok, 1 error, 2 ran but skipped some input.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace sitrep::cli {

using CommandAdder = void (*)(CLI::App& app, int& exit_code);

struct CommandRegistration {
  CommandRegistration(int order, CommandAdder adder);
};

struct RegisteredCommand {
  int order;
  CommandAdder adder;
};
std::vector<RegisteredCommand>& CommandRegistry();

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitSkipped = 2;

}  // namespace sitrep::cli

#define SITREP_CLI_CONCAT2(a, b) a##b
#define SITREP_CLI_CONCAT(a, b) SITREP_CLI_CONCAT2(a, b)
#define SITREP_REGISTER_COMMAND(order, adder) \
  static ::sitrep::cli::CommandRegistration SITREP_CLI_CONCAT(sitrep_command_, __LINE__)(order, adder)
