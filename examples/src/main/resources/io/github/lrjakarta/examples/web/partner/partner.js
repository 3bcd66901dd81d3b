// Calls the demo API from this (other) origin. The filter adds Access-Control-Allow-Origin and
// Access-Control-Allow-Credentials only for an origin in loginrocket.cors.allowed-origins; without them the
// browser withholds the answer from this script, and fetch fails.
"use strict";

const $ = (id) => document.getElementById(id);

async function main() {
  const url = window.DEMO.app + "/api/me";
  $("origin").textContent = location.origin;
  $("request").textContent = "GET " + url;
  $("allowed").textContent = window.DEMO.partner;
  $("back").href = window.DEMO.app + "/";
  try {
    const response = await fetch(url, { credentials: "include", headers: { Accept: "application/json" } });
    const body = await response.json();
    $("output").className = response.ok ? "ok" : "denied";
    $("output").textContent = response.status + "\n" + JSON.stringify(body, null, 2);
    if (response.ok) {
      $("verdict").textContent = "Allowed: the API answered " + body.user.email + " (" + (body.org ? body.org.name : "no org") + ")";
      $("explain").textContent = "The browser sent the demo's cookie and let this page read the answer.";
    } else {
      $("verdict").textContent = "Allowed by CORS, but not logged in (" + response.status + ")";
      $("explain").textContent = "Log in on the demo page first, then reload this page.";
    }
  } catch (e) {
    $("output").className = "denied";
    $("output").textContent = String(e);
    $("verdict").textContent = "Blocked by the browser (CORS)";
    $("explain").textContent = location.origin + " is not in loginrocket.cors.allowed-origins, so the API's answer "
      + "carries no Access-Control-Allow-Origin for it and the browser keeps it from this page.";
  }
}

main();
