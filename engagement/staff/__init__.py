"""Staff sign-in with the city's identity provider (OpenID Connect): its groups become roles."""
