namespace TiepCongDan.Hub.Web;

/// <summary>The Vietnamese sign-in form for the fleet page.</summary>
public static class LoginPage
{
    public static string Render(bool failed) => $$"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Đăng nhập — Giám sát điểm cầu tiếp công dân</title>
          <link rel="stylesheet" href="/style.css">
        </head>
        <body class="login">
          <main>
            <h1>Giám sát điểm cầu tiếp công dân</h1>
            <form method="post" action="/login">
              <label for="username">Tên đăng nhập</label>
              <input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">Mật khẩu</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <input type="hidden" name="returnUrl" value="/">
              {{(failed ? "<p class=\"error\" role=\"alert\">Sai tên đăng nhập hoặc mật khẩu.</p>" : string.Empty)}}
              <button type="submit">Đăng nhập</button>
            </form>
          </main>
        </body>
        </html>
        """;
}
