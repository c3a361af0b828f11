// The OS side of the UI's host, used by the command line's UI and signal handling.
global using ImmediateExit = TuiProcManager.Linux.Hosting.ImmediateExit;
global using TerminalRescue = TuiProcManager.Linux.Hosting.TerminalRescue;
