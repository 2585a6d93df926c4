// The webapps show dates and times in the system's zone (jiuzhu.time-zone, 北京时间 by default), not in
// the zone of the official's computer: a task created at 23:30 in Beijing reads 23:30 also on a laptop
// set to UTC. The webapps format every date with the moment.js inside lib/deps.js; moment asks
// updateOffset() for the offset of each moment it makes (the hook moment-timezone uses), and the
// browser's Intl knows the offsets of every IANA zone. The footer names the zone instead of the
// browser's ("local timezone: UTC").
import {chinese} from './language.js';

const setting = await fetch(new URL('time-zone.json', import.meta.url), {credentials: 'same-origin'})
  .then(response => (response.ok ? response.json() : null))
  .catch(() => null);

const ZONE = setting && setting.zone ? setting.zone : 'Asia/Shanghai';
const NAME = setting && setting.name ? setting.name : '北京时间';
const FOOTER = chinese
  ? (NAME === ZONE ? `日期和时间均按 ${ZONE} 时区显示` : `日期和时间均为${NAME}`)
  : `Date and time displayed in ${ZONE}`;

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23',
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'
});

// Minutes east of UTC in the zone at the instant ms.
function offsetAt(ms) {
  const parts = {};
  for (const part of wallClock.formatToParts(new Date(ms))) {
    parts[part.type] = part.value;
  }
  const wallAsUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

// The instant at which the zone's wall clock shows the given wall time (given as if it were UTC).
function instantOfWallTime(wallMs) {
  const guess = wallMs - offsetAt(wallMs) * 60000;
  return wallMs - offsetAt(guess) * 60000;
}

// The webapps' moment, from webpack's module table (a chunk of our own gets webpack's require).
function findMoment() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  let found = null;
  if (!chunks) {
    return found;
  }
  chunks.push([['jiuzhu-time-zone'], {}, require => {
    for (const id of Object.keys(require.m)) {
      const source = Function.prototype.toString.call(require.m[id]);
      if (!source.includes('updateOffset') || !source.includes('defineLocale')) {
        continue;
      }
      const candidate = require(id);
      if (typeof candidate === 'function' && typeof candidate.updateOffset === 'function' && candidate.fn
          && typeof candidate.fn.utcOffset === 'function') {
        found = candidate;
        return;
      }
    }
  }]);
  return found;
}

function followZone(moment) {
  const proto = moment.fn;
  const original = {utcOffset: proto.utcOffset, local: proto.local};
  let applying = false;
  // Kept by the new moment of moment(...) and clone(), as moment-timezone keeps its _z and _a: without
  // _a, a parsed wall time would reach updateOffset() already read in the browser's zone.
  moment.momentProperties.push('_a', '_jiuzhuZone');

  function apply(mom, keepTime) {
    applying = true;
    try {
      original.utcOffset.call(mom, offsetAt(mom.valueOf()), keepTime, true);
    } finally {
      applying = false;
    }
  }

  moment.updateOffset = function (mom, keepTime) {
    if (mom._jiuzhuZone === undefined) {
      // moment.utc(...) and moments with a fixed offset keep theirs; the others are "local" moments.
      mom._jiuzhuZone = !mom._isUTC;
      const wallTimeParsed = mom._a && mom._tzm === undefined && mom._f !== 'X' && mom._f !== 'x';
      if (mom._jiuzhuZone && wallTimeParsed && mom.isValid()) {
        // "2026-12-07 23:30" without an offset means 23:30 on the zone's clock, not the browser's.
        const a = mom._a;
        mom._d = new Date(instantOfWallTime(Date.UTC(a[0], a[1], a[2], a[3], a[4], a[5], a[6])));
      }
    }
    if (mom._jiuzhuZone && mom.isValid()) {
      apply(mom, keepTime);
    }
  };
  proto.utcOffset = function (input, keepLocalTime, keepMinutes) {
    if (input != null && !applying) {
      this._jiuzhuZone = false;
    }
    return original.utcOffset.call(this, input, keepLocalTime, keepMinutes);
  };
  // "Local" is the system's zone.
  proto.local = function (keepLocalTime) {
    original.local.call(this, keepLocalTime);
    this._jiuzhuZone = true;
    if (this.isValid()) {
      apply(this, keepLocalTime);
    }
    return this;
  };
}

function nameZoneInFooter() {
  const footer = document.getElementById('footer-timezone');
  if (footer !== null && footer.textContent.trim() !== FOOTER) {
    footer.textContent = FOOTER;
  }
}

const moment = findMoment();
if (moment) {
  followZone(moment);
} else {
  console.warn('time-zone.js: moment not found, dates follow the browser\'s zone');
}
if (typeof MutationObserver !== 'undefined') {
  new MutationObserver(nameZoneInFooter)
    .observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
