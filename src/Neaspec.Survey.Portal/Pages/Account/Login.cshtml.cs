using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Pages.Account;

public sealed class LoginModel(SignInManager<PortalUser> signIn, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync((Email ?? "").Trim(), Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only a path of this site: a sign-in link must not send anyone elsewhere.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        // One answer for an unknown e-mail, a wrong password and a locked or disabled account, so the page does
        // not tell which e-mails have accounts (PortalSignInManager makes the work the same too). It names
        // the lockout, so a locked-out owner knows why a right password is refused.
        var lockout = identity.Value.Lockout;
        Error = $"Wrong e-mail or password, or the account is locked. After {lockout.MaxFailedAccessAttempts} failed sign-ins " +
            $"in a row an account is locked for {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes; an admin can unlock it sooner.";
        Password = "";
        return Page();
    }
}
