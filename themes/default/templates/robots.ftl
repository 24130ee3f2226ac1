<#-- robots.ftl — robots.txt. Model: sitemaps (absolute URLs). -->
User-agent: *
Allow: /
<#list sitemaps![] as s>
Sitemap: ${s}
</#list>
