namespace LogPipeline.Generator.Traffic;

/// <summary>What vulnerability scanners probe for: admin consoles, leaked secrets, other stacks' login pages.</summary>
static class ScanTargets
{
    public static readonly (string Method, string Path)[] All =
    [
        ("GET", "/.env"),
        ("POST", "/wp-login.php"),
        ("GET", "/wp-admin/"),
        ("POST", "/xmlrpc.php"),
        ("GET", "/admin/config"),
        ("GET", "/admin/login"),
        ("GET", "/.git/config"),
        ("GET", "/.aws/credentials"),
        ("GET", "/phpmyadmin/index.php"),
        ("GET", "/server-status"),
        ("GET", "/actuator/env"),
        ("GET", "/config.json"),
        ("GET", "/backup.sql"),
        ("GET", "/.DS_Store"),
        ("GET", "/cgi-bin/luci"),
        ("POST", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php"),
    ];
}
