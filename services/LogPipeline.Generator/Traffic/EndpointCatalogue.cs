namespace LogPipeline.Generator.Traffic;

/// <summary>
/// The endpoints of the simulated web shop, most popular first. Popularity follows Zipf's law over this order
/// (the k-th endpoint is hit about 1/k as often as the first), as web traffic does.
/// </summary>
public sealed class EndpointCatalogue
{
    const string Storefront = "storefront";
    const string Static = "static-content";
    const string Catalog = "catalog-api";
    const string Search = "search-api";
    const string Basket = "basket-api";
    const string Identity = "identity-api";
    const string Ordering = "ordering-api";
    const string Payment = "payment-api";

    const double ZipfExponent = 1.0;

    public static EndpointCatalogue Shop { get; } = new(
    [
        new("GET", "/api/catalog/items/{id}", Catalog, 40, 3_200) { ClientErrorRate = 0.02 },
        new("GET", "/", Storefront, 45, 18_000) { ClientErrorRate = 0 },
        new("GET", "/products/{id}", Storefront, 90, 42_000) { ClientErrorRate = 0.015 },
        new("GET", "/api/catalog/items", Catalog, 60, 24_000) { ClientErrorRate = 0.004, ClientErrorStatus = 400 },
        new("GET", "/images/products/{id}", Static, 40, 85_000) { LatencySigma = 0.3, NotModifiedRate = 0.3, LogsAtDebug = true },
        new("GET", "/api/search", Search, 180, 15_000) { LatencySigma = 0.5, ClientErrorRate = 0.01, ClientErrorStatus = 400 },
        new("GET", "/api/basket", Basket, 45, 1_500) { ClientErrorRate = 0.02, ClientErrorStatus = 401 },
        new("GET", "/static/js/app.js", Static, 40, 210_000) { LatencySigma = 0.3, NotModifiedRate = 0.4, ClientErrorRate = 0, LogsAtDebug = true },
        new("GET", "/static/css/site.css", Static, 40, 52_000) { LatencySigma = 0.3, NotModifiedRate = 0.4, ClientErrorRate = 0, LogsAtDebug = true },
        new("GET", "/api/recommendations", Search, 220, 9_000) { LatencySigma = 0.45, ClientErrorRate = 0.005, ClientErrorStatus = 400 },
        new("POST", "/api/basket/items", Basket, 70, 600) { SuccessStatus = 201, ClientErrorRate = 0.03, ClientErrorStatus = 400 },
        new("GET", "/api/catalog/categories", Catalog, 50, 2_400) { NotModifiedRate = 0.2, ClientErrorRate = 0 },
        new("GET", "/api/identity/me", Identity, 55, 900) { ClientErrorRate = 0.04, ClientErrorStatus = 401 },
        new("GET", "/cart", Storefront, 80, 21_000) { ClientErrorRate = 0.005 },
        new("GET", "/api/catalog/items/{id}/reviews", Catalog, 110, 7_500) { ClientErrorRate = 0.01 },
        new("GET", "/api/catalog/brands", Catalog, 50, 1_800) { NotModifiedRate = 0.2, ClientErrorRate = 0 },
        new("GET", "/api/catalog/items/{id}/availability", Catalog, 70, 300) { ClientErrorRate = 0.01 },
        new("PUT", "/api/basket/items/{id}", Basket, 65, 0) { SuccessStatus = 204, ClientErrorRate = 0.03, ClientErrorStatus = 409 },
        new("GET", "/login", Storefront, 60, 9_000) { ClientErrorRate = 0 },
        new("POST", "/api/identity/login", Identity, 150, 1_100) { LatencySigma = 0.3, ClientErrorRate = 0.08, ClientErrorStatus = 401 },
        new("GET", "/checkout", Storefront, 120, 26_000) { ClientErrorRate = 0.02, ClientErrorStatus = 401 },
        new("DELETE", "/api/basket/items/{id}", Basket, 60, 0) { SuccessStatus = 204, ClientErrorRate = 0.02 },
        new("GET", "/api/orders", Ordering, 130, 6_000) { ClientErrorRate = 0.02, ClientErrorStatus = 401 },
        new("POST", "/api/orders", Ordering, 250, 1_400) { LatencySigma = 0.45, SuccessStatus = 201, ClientErrorRate = 0.03, ClientErrorStatus = 422 },
        new("POST", "/api/payments", Payment, 240, 800) { LatencySigma = 0.5, SuccessStatus = 201, ClientErrorRate = 0.04, ClientErrorStatus = 402 },
        new("GET", "/account", Storefront, 85, 14_000) { ClientErrorRate = 0.03, ClientErrorStatus = 401 },
        new("GET", "/api/orders/{id}", Ordering, 90, 2_200) { ClientErrorRate = 0.02 },
        new("GET", "/shop", Storefront, 40, 180) { SuccessStatus = 301, ClientErrorRate = 0 },
        new("POST", "/api/identity/logout", Identity, 45, 0) { SuccessStatus = 204, ClientErrorRate = 0 },
        new("GET", "/favicon.ico", Static, 40, 15_000) { LatencySigma = 0.25, NotModifiedRate = 0.5, ClientErrorRate = 0, LogsAtDebug = true },
        new("POST", "/api/reviews", Catalog, 160, 700) { SuccessStatus = 201, ClientErrorRate = 0.05, ClientErrorStatus = 422 },
        new("GET", "/sitemap.xml", Storefront, 150, 64_000) { ClientErrorRate = 0 },
    ]);

    readonly EndpointProfile[] _endpoints;
    readonly double[] _cumulativeWeights;

    public EndpointCatalogue(EndpointProfile[] endpoints)
    {
        ArgumentOutOfRangeException.ThrowIfZero(endpoints.Length);
        _endpoints = endpoints;
        _cumulativeWeights = new double[endpoints.Length];
        var total = 0.0;
        for (var rank = 1; rank <= endpoints.Length; rank++)
        {
            total += 1 / Math.Pow(rank, ZipfExponent);
            _cumulativeWeights[rank - 1] = total;
        }

        for (var i = 0; i < _cumulativeWeights.Length; i++)
        {
            _cumulativeWeights[i] /= total;
        }
    }

    public IReadOnlyList<EndpointProfile> Endpoints => _endpoints;

    /// <summary>Share of all requests that go to the endpoint at <paramref name="index"/>.</summary>
    public double Weight(int index) => _cumulativeWeights[index] - (index == 0 ? 0 : _cumulativeWeights[index - 1]);

    /// <summary>Picks an endpoint by popularity; <paramref name="uniform"/> is a uniform draw in [0, 1).</summary>
    public EndpointProfile Pick(double uniform)
    {
        var index = Array.BinarySearch(_cumulativeWeights, uniform);
        // Not found: the complement is the first weight above the draw, which is the endpoint it falls into.
        index = index < 0 ? ~index : index + 1;
        return _endpoints[Math.Min(index, _endpoints.Length - 1)];
    }

    /// <summary>The endpoint a concrete request belongs to, or null for paths the shop does not have.</summary>
    public EndpointProfile? Find(string method, string path)
    {
        foreach (var endpoint in _endpoints)
        {
            if (endpoint.Matches(method, path))
            {
                return endpoint;
            }
        }

        return null;
    }
}
