// The demo's front end: plain DOM, no framework, no build step. Everything user-supplied is written with
// textContent, never innerHTML.
"use strict";

const $ = (id) => document.getElementById(id);

async function getJson(path) {
  // A script request (no text/html in Accept): the filter and the API answer 401/403 instead of redirecting.
  const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, body };
}

function field(list, label, value) {
  if (value === undefined || value === null || value === "") {
    return;
  }
  const dt = document.createElement("dt");
  dt.textContent = label;
  const dd = document.createElement("dd");
  dd.textContent = String(value);
  list.append(dt, dd);
}

function showSignedOut() {
  $("login").hidden = false;
  $("users").hidden = false;
  $("status-text").textContent = "You are not logged in. \u201cLog in\u201d goes to LoginRocket's login page and back.";
  const rows = $("users-rows");
  for (const user of window.DEMO.users) {
    const tr = document.createElement("tr");
    for (const value of [user.email, user.password, user.name, user.orgs]) {
      const td = document.createElement("td");
      td.textContent = value;
      tr.append(td);
    }
    rows.append(tr);
  }
}

function showProfile(me) {
  $("logout").hidden = false;
  $("details").hidden = false;
  $("profile").hidden = false;
  $("org").hidden = false;
  $("checks").hidden = false;
  $("status-text").textContent = "Logged in. Token expires " + new Date(me.session.expiresAt).toLocaleString()
    + " (realm " + (me.session.realm || "?") + ").";

  const p = $("profile-fields");
  field(p, "Name", me.user.name);
  field(p, "E-mail", me.user.email + (me.user.emailVerified ? " \u2713" : ""));
  field(p, "Username", me.user.username);
  field(p, "Locale", me.user.locale);
  field(p, "User id", me.user.id);
  field(p, "Reference", me.user.reference);

  const o = $("org-fields");
  const perms = $("permissions");
  if (me.org) {
    field(o, "Name", me.org.name);
    field(o, "Org id", me.org.orgId);
    field(o, "Membership", me.org.membershipId);
    for (const permission of me.org.permissions) {
      const chip = document.createElement("span");
      chip.className = "chip";
      chip.textContent = permission;
      perms.append(chip);
    }
    if (me.org.permissions.length === 0) {
      perms.textContent = "none";
    }
  } else {
    field(o, "Organization", "none selected");
  }
}

async function callAndShow(path) {
  const out = $("api-output");
  out.textContent = "GET " + path + " \u2026";
  const { status, body } = await getJson(path);
  out.className = status < 300 ? "ok" : "denied";
  out.textContent = "GET " + path + " \u2192 " + status + "\n" + JSON.stringify(body, null, 2);
}

function showCorsLinks() {
  const allowed = $("partner-allowed");
  allowed.href = window.DEMO.partner + "/";
  allowed.textContent = window.DEMO.partner;
  $("partner-allowed-text").textContent = "is listed: the browser lets the page read the answer";
  const blocked = $("partner-blocked");
  blocked.href = window.DEMO.blockedPartner + "/";
  blocked.textContent = window.DEMO.blockedPartner;
  $("partner-blocked-text").textContent = "is not listed: the browser blocks the answer";
  $("emulator-url").textContent = window.DEMO.emulator;
}

async function main() {
  showCorsLinks();
  $("admin-report").addEventListener("click", () => callAndShow("api/admin/report"));
  $("session-check").addEventListener("click", () => callAndShow("api/session"));
  try {
    const hello = await getJson("api/hello");
    $("greeting").textContent = hello.body ? hello.body.greeting : "Hello";
    const me = await getJson("api/me");
    if (me.status === 200) {
      showProfile(me.body);
    } else {
      showSignedOut();
    }
  } catch (e) {
    $("greeting").textContent = "The API did not answer";
    $("status-text").textContent = String(e);
  }
}

main();
