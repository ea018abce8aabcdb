using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Pages.Account;

public sealed class LoginModel(SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only a path of this site: a sign-in link must not send anyone elsewhere.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        Error = result.IsLockedOut
            ? "This account is locked (too many failed attempts, or disabled by an admin). Try again later or ask an admin."
            : "Wrong e-mail or password.";
        Password = "";
        return Page();
    }
}
