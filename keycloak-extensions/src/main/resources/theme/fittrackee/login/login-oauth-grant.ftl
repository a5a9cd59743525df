<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#if client.name?has_content>
    <#assign appName = client.name>
<#else>
    <#assign appName = client.clientId>
</#if>
<#assign website = client.baseUrl!"">
<#-- Any other scheme (javascript:, data:, ...) could run code when clicked. -->
<#assign websiteIsLink = website?starts_with("https://") || website?starts_with("http://")>
<@layout.registrationLayout bodyClass="oauth"; section>
    <#if section = "header">
        <#-- The message is formatted around a marker and cut there, so that the app name gets
             its own element while the message text and the name both stay escaped. -->
        <#assign nameMarker = "\x1F">
        <#assign grantTitle = msg("fittrackeeGrantTitle", nameMarker)>
        <#assign titleStart = grantTitle?keep_before(nameMarker)>
        <#assign titleEnd = grantTitle?keep_after(nameMarker)>
        ${titleStart}<span id="fittrackee-app-name">${appName}</span>${titleEnd}
    <#elseif section = "form">
        <#if client.description?has_content>
            <p id="fittrackee-app-description">${client.description}</p>
        </#if>
        <#if websiteIsLink>
            <p>
                ${msg("fittrackeeGrantWebsite")}
                <a id="fittrackee-app-website" href="${website}"
                   rel="noopener noreferrer" target="_blank">${website}</a>
            </p>
        </#if>

        <p class="${properties.kcMarginTopClass!}">${msg("fittrackeeGrantScopes")}</p>
        <ul id="fittrackee-scopes" class="${properties.kcListClass!}">
            <#list oauth.clientScopesRequested![] as scope>
                <li>
                    <#if scope.parameterizedScopeParameter??>
                        <#assign consentText = advancedMsg(scope.consentScreenText,
                                scope.parameterizedScopeParameter)>
                    <#else>
                        <#assign consentText = advancedMsg(scope.consentScreenText)>
                    </#if>
                    <span>${consentText}</span>
                </li>
            </#list>
        </ul>
        <p class="${properties.kcMarginTopClass!}">${msg("fittrackeeGrantWithdraw")}</p>

        <form id="kc-oauth" class="${properties.kcFormClass!} ${properties.kcMarginTopClass!}"
              action="${url.oauthAction}" method="POST">
            <input type="hidden" name="code" value="${oauth.code}">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-login" name="accept" label="fittrackeeDoAuthorize"/>
                <@buttons.button id="kc-cancel" name="cancel" label="doCancel" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
