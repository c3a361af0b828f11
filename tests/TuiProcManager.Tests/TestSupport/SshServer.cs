using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TuiProcManager.Testing;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A real sshd of this test's own on 127.0.0.1 (a free port, nothing on any other address), with its own
/// host key, a client key it authorizes, and a client configuration naming it <see cref="Host"/>, so that
/// <c>ssh -F <see cref="ClientConfig"/> <see cref="Host"/> CMD</c> runs CMD as this user here, as on another
/// host. sshd gives the remote commands a PATH on which <c>tuiproc</c> is the build under test and the
/// session directory of the test's sessions (<c>SetEnv</c>). sshd missing fails the test, loudly: CI
/// installs it (.ci/run).
/// </summary>
internal sealed class SshServer : IDisposable
{
    /// <summary>The host alias the client configuration gives this server.</summary>
    public const string Host = "tuiproc-e2e-host";

    /// <summary>An alias of the same server with a key it does not authorize: ssh fails to log in.</summary>
    public const string UnauthorizedHost = "tuiproc-e2e-nokey";

    private static readonly string[] SshdPlaces = ["/usr/sbin/sshd", "/usr/local/sbin/sshd", "/usr/bin/sshd"];

    private readonly string _directory;
    private Process? _sshd;

    private SshServer(string directory) => _directory = directory;

    /// <summary>The ssh client configuration that names <see cref="Host"/> (pass it with -F).</summary>
    public string ClientConfig => Path.Combine(_directory, "ssh_config");

    /// <summary>What makes tuiproc's ssh this server's client: <c>TUIPROC_SSH</c>.</summary>
    public string SshCommand => $"ssh -F '{ClientConfig}'";

    /// <summary>The listening sshd's PID; each connection is served by a child of it.</summary>
    public int Pid => _sshd?.Id ?? throw new InvalidOperationException("sshd is not running");

    /// <summary>Starts sshd; its remote commands get <paramref name="runtimeDir"/> as XDG_RUNTIME_DIR.</summary>
    public static SshServer Start(string runtimeDir)
    {
        string sshd = SshdPlaces.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException($"sshd is not installed (looked in {string.Join(", ", SshdPlaces)}): apt-get install openssh-server openssh-client, as .ci/run does");
        SshServer server = new(Directory.CreateTempSubdirectory("tuiproc-sshd-").FullName);
        try
        {
            server.Prepare(runtimeDir);
            server.Listen(sshd);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The processes serving connections now (sshd's children, and theirs: the remote commands).</summary>
    public IReadOnlyList<int> ConnectionProcesses() => [.. ProcessTools.Descendants(Pid)];

    public void Dispose()
    {
        if (_sshd is { } sshd)
        {
            foreach (int pid in ProcessTools.Descendants(sshd.Id).Reverse().ToList())
            {
                _ = Tuiproc.TryKill(pid);
            }

            if (!sshd.HasExited)
            {
                sshd.Kill();
                sshd.WaitForExit(TimeSpan.FromSeconds(10));
            }

            sshd.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private string At(string name) => Path.Combine(_directory, name);

    private void Prepare(string runtimeDir)
    {
        KeyGen("host_key");
        KeyGen("client_key");
        KeyGen("other_key");
        File.Copy(At("client_key.pub"), At("authorized_keys"));

        // The remote shell finds this tuiproc first on its PATH (a script that execs the build under test).
        string bin = At("bin");
        _ = Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "tuiproc"), $"#!/bin/sh\nexec {Tuiproc.ShellCommand} \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(bin, "tuiproc"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(At("remote_env"), $"PATH={bin}:/usr/local/bin:/usr/bin:/bin XDG_RUNTIME_DIR={runtimeDir}");
    }

    private void Listen(string sshd)
    {
        // sshd's privilege separation directory, which a package's service would make (root only).
        if (Environment.UserName == "root")
        {
            _ = Directory.CreateDirectory("/run/sshd");
        }

        string log = "";
        for (int attempt = 0; attempt < 5; attempt++)
        {
            int port = FreePort();
            WriteConfigs(port);
            File.WriteAllText(At("sshd.log"), "");
            ProcessStartInfo start = new(sshd) { ArgumentList = { "-D", "-E", At("sshd.log"), "-f", At("sshd_config") }, RedirectStandardInput = true };
            _sshd = Process.Start(start)!;
            if (WaitUntilListening(port))
            {
                return;
            }

            log = File.ReadAllText(At("sshd.log"));
            _sshd.Dispose();
            _sshd = null;
            if (!log.Contains("Address already in use", StringComparison.Ordinal))
            {
                break; // another port would not help
            }
        }

        throw new Xunit.Sdk.XunitException("sshd did not start listening on 127.0.0.1:\n" + log);
    }

    private void WriteConfigs(int port)
    {
        string p = port.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(At("sshd_config"), $"""
            ListenAddress 127.0.0.1:{p}
            AddressFamily inet
            HostKey {At("host_key")}
            AuthorizedKeysFile {At("authorized_keys")}
            PidFile none
            StrictModes no
            UsePAM no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            AllowUsers {Environment.UserName}
            X11Forwarding no
            AllowAgentForwarding no
            AllowTcpForwarding no
            SetEnv {File.ReadAllText(At("remote_env"))}
            LogLevel ERROR

            """);
        File.WriteAllText(At("known_hosts"), $"[127.0.0.1]:{p} {File.ReadAllText(At("host_key.pub")).Trim()}\n");
        string client = $"""
                HostName 127.0.0.1
                Port {p}
                User {Environment.UserName}
                IdentitiesOnly yes
                UserKnownHostsFile {At("known_hosts")}
                GlobalKnownHostsFile /dev/null
                StrictHostKeyChecking yes
                CheckHostIP no
                BatchMode yes
                ControlMaster no
                ControlPath none
                LogLevel ERROR
            """;
        File.WriteAllText(ClientConfig, $"""
            Host {Host}
                IdentityFile {At("client_key")}
            {client}
            Host {UnauthorizedHost}
                IdentityFile {At("other_key")}
            {client}

            """);
    }

    /// <summary>Until sshd accepts on <paramref name="port"/> (true), or exits (false); bounded.</summary>
    private bool WaitUntilListening(int port)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (watch.Elapsed < Tuiproc.Bound)
        {
            if (_sshd!.HasExited)
            {
                return false;
            }

            try
            {
                using TcpClient probe = new();
                probe.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        throw new Xunit.Sdk.XunitException($"sshd did not listen on 127.0.0.1:{port} within {Tuiproc.Bound.TotalSeconds} s");
    }

    private static int FreePort()
    {
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void KeyGen(string name)
    {
        ProcessStartInfo start = new("ssh-keygen") { ArgumentList = { "-q", "-t", "ed25519", "-N", "", "-C", "tuiproc-e2e", "-f", At(name) }, RedirectStandardError = true, RedirectStandardOutput = true };
        using Process keygen = Process.Start(start)!;
        string error = keygen.StandardError.ReadToEnd();
        Assert.True(keygen.WaitForExit(Tuiproc.Bound), "ssh-keygen did not end");
        Assert.True(keygen.ExitCode == 0, $"ssh-keygen failed: {error}");
    }
}
