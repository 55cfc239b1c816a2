//! `nightwatcherd`: the headless NightWatcher, a command line over the engine.
//!
//! Every command opens the database (migrating it), does one thing and exits, except `run`, which checks
//! every interval until SIGINT/SIGTERM. Errors reach the user as one line saying what failed and what to do;
//! the exit status is 0 on success, 1 for bad input or configuration, 2 when Prowlarr cannot be used.
//!
//! The daemon only parses and prints. Each command starts the engine's service for itself
//! (`Service::start_one_shot`) and runs the engine's typed commands on it through `command::dispatch`, or the
//! service's methods for what has no command (`check_once`, `status_report`), as the window's socket does:
//! validation, search on add, the search schedule and its shared hourly budget, the backoff, the monitoring
//! snapshot and the status events are the service's rules, so they hold here as in the window, and no rule of
//! the engine lives in this crate. `match` reads the watchlist from the service and runs the matcher itself
//! (pure computation over many titles). The exceptions: `secret` only talks to the OS keyring, and `config`
//! edits the settings directly, with where each value comes from (environment, database, default), which the
//! service's settings view does not say and whose `prowlarr_timeout` it does not take.

mod channels;
mod chat;
mod cli;
mod commands;
mod engine;
mod failure;
mod found;
mod web;

use clap::Parser;

/// jemalloc, configured in `.cargo/config.toml` to give freed pages back to the system at once. glibc's malloc
/// keeps them: the daemon held ~44 MiB between checks, most of it freed memory of the last check.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The async runtime for a command. One thread: the daemon waits on the network most of the time, and each
/// worker thread costs memory it would hold all day (~3 MiB idle, measured between checks). `run` serving the
/// web UI gets two workers: one thread serving 200 pollers of a 160 KB watchlist beside the checks held the
/// slowest 1 % of answers for 65–110 ms, two hold them under 35 ms (bench/README.md, web_load).
fn runtime(cli: &cli::Cli) -> std::io::Result<tokio::runtime::Runtime> {
    let one_thread = || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    };
    let serves_web = match &cli.command {
        cli::Command::Run { listen } => {
            one_thread()?.block_on(web::will_serve(cli.db.clone(), listen.clone()))
        }
        _ => false,
    };
    if serves_web {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
    } else {
        one_thread()
    }
}

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    nightwatcher_engine::redact::init_logging(cli.command.default_log_level());
    let runtime = match runtime(&cli) {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("nightwatcherd: cannot start the async runtime: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    match runtime.block_on(commands::dispatch(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(failure) => {
            // The error as printed, with the command that fixes it when the engine knows one.
            let line = nightwatcher_engine::diagnose::with_cli_remedy(
                &format!("{:#}", failure.error),
                failure.error.as_ref(),
            );
            let line = nightwatcher_engine::redact::scrub_known(&line);
            eprintln!("nightwatcherd: {line}");
            std::process::ExitCode::from(failure.code)
        }
    }
}
