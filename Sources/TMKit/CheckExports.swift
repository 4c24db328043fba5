// The command line links TMKit only; the check configuration, findings and reporters it uses live in TMCheck.
@_exported import TMCheck
