// sitrep: a thin main. Each subcommand lives in its own <name>_command.cc.
#include <algorithm>

#include "cli/commands.h"

namespace sitrep::cli {

std::vector<RegisteredCommand>& CommandRegistry() {
  static std::vector<RegisteredCommand> registry;
  return registry;
}

CommandRegistration::CommandRegistration(int order, CommandAdder adder) {
  CommandRegistry().push_back({order, adder});
}

}  // namespace sitrep::cli

int main(int argc, char** argv) {
  CLI::App app{"sitrep: news in many languages to auditable conflict events"};
  app.require_subcommand(1);
  int exit_code = sitrep::cli::kExitOk;
  auto commands = sitrep::cli::CommandRegistry();
  std::sort(commands.begin(), commands.end(),
            [](const auto& a, const auto& b) { return a.order < b.order; });
  for (const auto& command : commands) command.adder(app, exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
