// Briques: the participant's page of a live session (/live/{code}), for old phones.
// Plain ES2017, no module, no framework (server/src/live/participant.rs serves it).
//
// The page carries a JSON block (#briques-data): the session's current view (core's
// PublicView, as the event stream sends it), the texts of the page's language (catalogue
// patterns: values replace {$name}), the number format, the budget categories' labels,
// the limits of the steps and the local-storage keys. This script joins (the token kept
// on the device makes a reload the same participant), follows the view, sends answers
// and draws the current step. Text from the session (titles, choices, words, group
// names) reaches the DOM only as text nodes, never as markup.
(function () {
  'use strict';

  const D = JSON.parse(document.getElementById('briques-data').textContent);
  const T = D.texts;
  const CODE = D.code;
  const API = '/api/live/sessions/' + CODE;
  const L = D.limits;

  // ---- Device storage (reaching it can throw: private browsing, storage disabled).

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  /** Writes a value; returns the catalogue key of why it could not be, or ''. */
  function store(key, value) {
    try {
      window.localStorage.setItem(key, value);
      return '';
    } catch (error) {
      return /quota/i.test(String(error && error.name)) ? 'storage-error-full' : 'storage-error-unavailable';
    }
  }

  // The language: the address names it (the switch), or the one chosen on this device
  // earlier (shared with the app) asks the server for the page in it.
  const asked = (/[?&]lang=([a-z]+)/.exec(window.location.search) || [])[1];
  if (asked === D.lang) {
    store(D.lang_key, D.lang);
  } else if (!asked) {
    const saved = stored(D.lang_key);
    if (saved && saved !== D.lang && D.langs.indexOf(saved) >= 0) {
      window.location.replace(window.location.pathname + '?lang=' + saved);
      return;
    }
  }

  // ---- Texts and numbers.

  function t(key, args) {
    let text = T[key] || key;
    Object.keys(args || {}).forEach(function (name) {
      text = text.split('{$' + name + '}').join(String(args[name]));
    });
    return text;
  }

  /** A number as core::i18n::format_number writes it. */
  function num(value, decimals) {
    if (typeof value !== 'number' || !isFinite(value)) return '—';
    const fixed = Math.abs(value).toFixed(decimals || 0);
    const parts = fixed.split('.');
    const digits = parts[0];
    let out = value < 0 && /[1-9]/.test(fixed) ? '−' : '';
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += D.number.group;
      out += digits[i];
    }
    return parts[1] ? out + D.number.decimal + parts[1] : out;
  }

  /** A figure with the decimals it has (two at most). */
  function figure(value) {
    const decimals = Number.isInteger(value) ? 0 : Number.isInteger(Math.round(value * 1000) / 100) ? 1 : 2;
    return num(value, decimals);
  }

  function percent(share) {
    return num(share * 100, 0) + D.number.percent;
  }

  function withUnit(value, unit) {
    return unit ? figure(value) + '\u00a0' + unit : figure(value);
  }

  /** A number as typed: digits, the language's decimal mark, spaces between thousands. */
  function parseNumber(text) {
    let clean = String(text).replace(/[\s\u00a0\u202f]/g, '').replace('−', '-');
    clean = D.number.decimal === ',' ? clean.replace(',', '.') : clean.replace(/,/g, '');
    return /^-?\d+(\.\d+)?$/.test(clean) ? Number(clean) : NaN;
  }

  /** Spaces collapsed, as the server keeps words and group names. */
  function collapse(text) {
    return String(text).split(/\s+/).filter(Boolean).join(' ');
  }

  /** How the server groups words and group names (core::live::steps::word_key). */
  function wordKey(text) {
    const folded = String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'o').replace(/æ/g, 'a');
    let spaced = '';
    for (let i = 0; i < folded.length; i++) {
      const c = folded[i];
      spaced += /[0-9]/.test(c) || c.toUpperCase() !== c.toLowerCase() ? c : ' ';
    }
    return spaced.split(' ').filter(Boolean).map(function (word) {
      return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
    }).join(' ');
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object || {}, key);
  }

  // ---- The DOM, built from text only.

  function h(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      const value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (typeof value === 'function') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false || child === '') return;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(node, text) {
    if (node && node.textContent !== text) node.textContent = text;
  }

  /** A bar of a share of the room, with its figures as text beside it. */
  function bar(label, count, total, extra) {
    const fill = h('span', { class: 'fill' });
    fill.style.width = (total > 0 ? Math.round((count / total) * 1000) / 10 : 0) + '%';
    return h('li', extra ? { class: extra } : null, [
      h('span', { class: 'label' }, label),
      h('span', { class: 'value' }, [num(count, 0) + ' (' + percent(total > 0 ? count / total : 0) + ')']),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, [fill]),
    ]);
  }

  // ---- State.

  const S = {
    view: D.view,
    token: stored(D.token_key) || '',
    participant: 0,
    joined: false,
    mine: {}, // question id → choice id (acknowledged)
    inputs: {}, // step → Input (acknowledged)
    pos: null, // Duplo: the open question on screen; null: the first not answered
    drafts: {}, // step → what is typed, kept whatever happens to the network
    saved: '', // said once the server acknowledged (on disk)
    problem: '',
    tokenProblem: '',
    stream: 'connecting', // 'open', 'down'
    gone: false,
    pending: null, // the last answer that could not be sent: sent again once back
    focus: '', // the id to focus after the next drawing
  };

  // ---- The server.

  function request(method, path, body) {
    const headers = { 'Accept-Language': D.lang };
    if (S.token) headers['X-Briques-Participant'] = S.token;
    const init = { method: method, headers: headers, cache: 'no-store', credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init)
      .then(function (response) {
        return response.text().then(function (text) {
          let json = null;
          try {
            json = JSON.parse(text);
          } catch (error) {
            json = null;
          }
          if (!response.ok) throw { status: response.status, message: (json && json.error) || text };
          return json;
        });
      })
      .catch(function (error) {
        if (error && typeof error.status === 'number') throw error;
        throw { status: 0, message: String(error) };
      });
  }

  let joining = null;
  let joinRetry = 0;

  /** Joins (again: same participant with the saved token) and reads back own answers. */
  function join() {
    if (joining) return joining;
    const body = S.token ? { token: S.token } : {};
    joining = request('POST', '/join', body)
      .then(function (joined) {
        S.token = joined.token;
        S.participant = joined.participant;
        const refused = store(D.token_key, joined.token);
        S.tokenProblem = refused ? t('live-token-not-saved', { reason: t(refused) }) : '';
        return request('GET', '/me');
      })
      .then(function (me) {
        joining = null;
        S.mine = me.answers || {};
        S.inputs = me.inputs || {};
        S.joined = true;
        render();
        resend();
      }, function (error) {
        joining = null;
        if (error.status === 404) S.gone = true;
        else if (error.status === 0 || error.status === 429 || error.status === 503) {
          // Unreachable or busy: try again in a moment (the event stream also does).
          window.clearTimeout(joinRetry);
          joinRetry = window.setTimeout(join, 3000);
        } else if (error.status !== 410) S.problem = error.message;
        render();
      });
    return joining;
  }

  let source = null;
  let followRetry = 0;
  let followDelay = 2000;

  /** Follows the view; EventSource reconnects by itself after a drop. */
  function follow() {
    window.clearTimeout(followRetry);
    if (source) source.close();
    const stream = new EventSource(API + '/events');
    source = stream;
    stream.addEventListener('view', function (event) {
      let view;
      try {
        view = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      // "Saved" is about the step on screen: another step starts without it.
      if ((view.state.step || 0) !== (S.view.state.step || 0)) S.saved = '';
      S.view = view;
      render();
    });
    stream.onopen = function () {
      followDelay = 2000;
      const was = S.stream;
      S.stream = 'open';
      // Back after a drop: join again and read back own answers (the server may have
      // restarted or removed this participant), then send what could not be sent.
      if (was === 'down') {
        S.joined = false;
        join();
      }
      render();
    };
    stream.onerror = function () {
      if (source !== stream) return;
      S.stream = 'down';
      render();
      if (stream.readyState === 2) {
        // Refused (a limit, or no such session): ask why, then try again later.
        stream.close();
        request('GET', '').then(function () {
          later();
        }, function (error) {
          if (error.status === 404) {
            S.gone = true;
            render();
          } else later();
        });
      }
    };
  }

  function later() {
    window.clearTimeout(followRetry);
    followRetry = window.setTimeout(follow, followDelay);
    followDelay = Math.min(followDelay * 2, 30000);
  }

  /** An answer could not be sent: the stream may not have noticed the drop yet. */
  function dropped() {
    if (S.stream !== 'down') {
      S.stream = 'down';
      if (source) source.close();
      later();
    }
  }

  /** Sends an answer; `done` runs once the server acknowledged it (it is on disk). */
  function send(path, body, done) {
    const attempt = { path: path, body: body, done: done };
    S.pending = attempt;
    S.saved = '';
    const ready = S.joined ? Promise.resolve() : join();
    return ready
      .then(function () {
        if (!S.joined) throw { status: S.problem ? -1 : 0, message: S.problem };
        return request('PUT', path, body);
      })
      .then(function () {
        if (S.pending === attempt) S.pending = null;
        S.problem = '';
        done();
        render();
      }, function (error) {
        if (error.status === 0) {
          S.problem = t('live-phone-offline');
          dropped();
        } else {
          if (S.pending === attempt) S.pending = null;
          S.problem = error.message;
        }
        render();
      });
  }

  function resend() {
    const pending = S.pending;
    if (pending && S.joined) send(pending.path, pending.body, pending.done);
  }

  // ---- Drawing: the screen is a list of blocks, each with a key that names what it
  // shows; a block whose key did not change is kept as it is (with what is typed in it).

  function key(parts) {
    return JSON.stringify(parts);
  }

  function render() {
    setText(byId('who'), S.participant
      ? t('live-you-are', { code: CODE, participant: num(S.participant, 0) })
      : byId('who').textContent);
    const status = [S.saved];
    if (S.stream === 'down' && !S.gone) status.push(t('live-phone-reconnecting'));
    else if (!S.joined && !S.gone && !S.view.state.ended) status.push(t('live-connecting'));
    setText(byId('status'), status.filter(Boolean).join(' '));
    setText(byId('problem'), S.problem);
    setText(byId('token-problem'), S.tokenProblem);

    const active = document.activeElement;
    const activeId = active && active !== document.body ? active.id : '';
    let selection = null;
    try {
      selection = activeId && active.selectionStart !== undefined ? [active.selectionStart, active.selectionEnd] : null;
    } catch (error) {
      selection = null;
    }

    const screen = byId('screen');
    const old = {};
    Array.prototype.forEach.call(screen.children, function (node) {
      old[node.getAttribute('data-key')] = node;
    });
    let cursor = screen.firstChild;
    blocks().forEach(function (block) {
      let node = old[block[0]];
      if (node) delete old[block[0]];
      else {
        node = block[1]();
        node.setAttribute('data-key', block[0]);
      }
      if (node === cursor) cursor = cursor.nextSibling;
      else screen.insertBefore(node, cursor);
    });
    Object.keys(old).forEach(function (name) {
      screen.removeChild(old[name]);
    });

    const wanted = S.focus || (activeId && document.activeElement !== active ? activeId : '');
    S.focus = '';
    const target = wanted && byId(wanted);
    if (target && document.activeElement !== target) {
      target.focus();
      if (selection && wanted === activeId && target.setSelectionRange) {
        try {
          target.setSelectionRange(selection[0], selection[1]);
        } catch (error) {
          // Not a text field.
        }
      }
    }
  }

  function blocks() {
    const out = [];
    const add = function (name, build) {
      out.push([name, build]);
    };
    if (S.gone) {
      add('gone', function () {
        return h('p', { class: 'lead' }, [t('live-phone-gone')]);
      });
      return out;
    }
    const view = S.view;
    const steps = view.steps && view.steps.length ? view.steps : [{ kind: 'duplo' }];
    const index = view.state.step || 0;
    const step = steps[index] || { kind: 'duplo' };
    const ended = view.state.ended;
    const closed = ended || (view.state.closed_steps || []).indexOf(index) >= 0;
    if (steps.length > 1) {
      add(key(['step', index, steps.length]), function () {
        return h('p', { class: 'hint' }, [t('live-phone-step-of', { n: num(index + 1, 0), total: num(steps.length, 0) })]);
      });
    }
    if (ended) {
      add('ended', function () {
        return h('p', { class: 'lead' }, [t('live-ended')]);
      });
    }
    const results = view.step_results && view.step_results.kind === step.kind ? view.step_results : null;
    if (step.kind === 'guess') guessBlocks(add, index, step, closed, results);
    else if (step.kind === 'vote') voteBlocks(add, index, step, closed, results);
    else if (step.kind === 'words') wordsBlocks(add, index, step, closed, results);
    else if (step.kind === 'mayor') mayorBlocks(add, index, step, closed, results);
    else if (step.kind === 'debate') debateBlocks(add, index, step, closed, results);
    else duploBlocks(add, view);
    if (!ended && !(step.kind === 'duplo' ? view.results : results)) {
      add('later', function () {
        return h('p', { class: 'hint' }, [t('live-results-later')]);
      });
    }
    return out;
  }

  function heading(text) {
    return h('h2', { id: 'step-title', tabindex: '-1' }, [text]);
  }

  function card(children) {
    return h('section', { class: 'card', 'aria-labelledby': 'step-title' }, children);
  }

  function resultsCard(title, children) {
    return h('section', { class: 'card results', 'aria-labelledby': 'results-title' },
      [h('h2', { id: 'results-title' }, [title])].concat(children));
  }

  /** A form with a text field, an error line and a big submit button. */
  function textForm(id, label, value, extra, onInput, onSubmit, describedBy) {
    const input = h('input', {
      id: id, type: 'text', autocomplete: 'off', value: value,
      'aria-describedby': (describedBy ? describedBy + ' ' : '') + id + '-error',
      oninput: function () {
        input.removeAttribute('aria-invalid');
        onInput(input.value);
      },
    });
    Object.keys(extra).forEach(function (name) {
      input.setAttribute(name, extra[name]);
    });
    const error = h('p', { id: id + '-error', class: 'error', role: 'alert' });
    return h('form', {
      novalidate: true,
      onsubmit: function (event) {
        event.preventDefault();
        const problem = onSubmit(input.value);
        setText(error, problem || '');
        if (problem) {
          input.setAttribute('aria-invalid', 'true');
          input.focus();
        }
      },
    }, [h('label', { for: id }, [label]), input, error,
      h('button', { type: 'submit', class: 'primary' }, [t('live-phone-send')])]);
  }

  // ---- Duplo: one open question per screen, big buttons, previous and skip.

  function openQuestions(view) {
    return view.state.ended ? [] : view.survey.questions.filter(function (q) {
      return view.state.open.indexOf(q.id) >= 0;
    });
  }

  function current(open) {
    let first = open.findIndex(function (q) {
      return !has(S.mine, q.id);
    });
    if (first < 0) first = open.length;
    return Math.min(S.pos === null ? first : S.pos, open.length);
  }

  function go(position) {
    S.pos = position;
    S.saved = '';
    S.focus = 'step-title';
    render();
  }

  function answer(question, choice) {
    send('/answer', { question: question.id, choice: choice }, function () {
      S.mine[question.id] = choice;
      // Go on from the question answered, wherever the screen is now.
      const position = openQuestions(S.view).findIndex(function (q) {
        return q.id === question.id;
      });
      if (position >= 0) S.pos = position + 1;
      S.saved = t('live-saved');
      S.focus = 'step-title';
    });
  }

  function duploBlocks(add, view) {
    const open = openQuestions(view);
    if (!view.state.ended) {
      const at = current(open);
      const question = open[at];
      if (!open.length) {
        add('waiting', function () {
          return h('p', { class: 'lead' }, [t('live-phone-waiting')]);
        });
      } else if (question) {
        const chosen = has(S.mine, question.id) ? S.mine[question.id] : null;
        add(key(['q', question, at, open.length, chosen]), function () {
          return card([
            h('p', { class: 'hint' }, [t('live-question-of', { n: num(at + 1, 0), total: num(open.length, 0) })]),
            heading(question.label),
            h('div', { class: 'choices' }, question.choices.map(function (c) {
              return h('button', {
                type: 'button', class: 'choice', 'aria-pressed': String(chosen === c.id),
                onclick: function () {
                  answer(question, c.id);
                },
              }, [h('span', { class: 'swatch brick-' + c.colour, 'aria-hidden': 'true' }), c.label]);
            })),
            h('div', { class: 'row' }, [
              h('button', { type: 'button', disabled: at === 0, onclick: function () {
                go(Math.max(at - 1, 0));
              } }, [t('live-previous')]),
              h('button', { type: 'button', onclick: function () {
                go(at + 1);
              } }, [t('live-skip')]),
            ]),
          ]);
        });
      } else {
        const answered = open.filter(function (q) {
          return has(S.mine, q.id);
        }).length;
        add(key(['thanks', answered, open.length]), function () {
          return card([
            heading(t('live-thanks')),
            h('p', null, [t('live-phone-answered', { count: num(answered, 0), total: num(open.length, 0) })]),
            h('button', { type: 'button', onclick: function () {
              go(0);
            } }, [t('live-change')]),
          ]);
        });
      }
    }
    if (view.results) {
      add(key(['results', view.results, view.survey]), function () {
        return duploResults(view.survey, view.results);
      });
    }
  }

  function duploResults(survey, results) {
    const parts = [];
    survey.questions.forEach(function (q, i) {
      const tally = results.tallies[i];
      if (!tally) return;
      const answered = tally.counts.reduce(function (a, b) {
        return a + b;
      }, 0);
      parts.push(h('h3', null, [q.label]));
      parts.push(h('ul', { class: 'bars' }, q.choices.map(function (c, j) {
        return bar([h('span', { class: 'swatch brick-' + c.colour, 'aria-hidden': 'true' }), c.label],
          tally.counts[j] || 0, answered);
      })));
    });
    const cross = results.crosstab;
    const rows = cross && survey.questions.filter(function (q) {
      return q.id === cross.row_question;
    })[0];
    const cols = cross && survey.questions.filter(function (q) {
      return q.id === cross.col_question;
    })[0];
    if (rows && cols) {
      const cell = function (r, c) {
        const n = (cross.cells[r] || [])[c];
        if (typeof n === 'number') return num(n, 0);
        const small = cross.at_most && (cross.at_most[r] || [])[c];
        return typeof small === 'number'
          ? t('duplo-masked-explained', { k: num(cross.k, 0) })
          : t('duplo-hidden-explained');
      };
      // A wide table scrolls on its own (and can be reached by keyboard to do so).
      parts.push(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'crosstab-caption' }, [h('table', null, [
        h('caption', { id: 'crosstab-caption' }, [rows.label + ' × ' + cols.label]),
        h('thead', null, [h('tr', null, [h('td')].concat(cols.choices.map(function (c) {
          return h('th', { scope: 'col' }, [c.label]);
        })))]),
        h('tbody', null, rows.choices.map(function (r, i) {
          return h('tr', null, [h('th', { scope: 'row' }, [r.label])].concat(cols.choices.map(function (c, j) {
            return h('td', null, [cell(i, j)]);
          })));
        })),
      ])]));
      parts.push(h('p', { class: 'hint' }, [t('duplo-masked-note', { k: num(cross.k, 0) })]));
    }
    parts.push(h('p', { class: 'unique' }, [t('live-phone-unique', {
      unique: num(results.unique, 0), respondents: num(results.respondents, 0),
    })]));
    return resultsCard(t('live-results'), parts);
  }

  // ---- The other steps: one answer per participant, changed while the step is open.

  function sendInput(index, input, message, focus) {
    send('/input', { step: index, input: input }, function () {
      S.inputs[index] = input;
      S.saved = message;
      S.focus = focus || '';
    });
  }

  function closedCard(title, extra) {
    return card([heading(title)].concat(extra || []).concat([h('p', null, [t('live-phone-closed')])]));
  }

  function guessBlocks(add, index, step, closed, results) {
    const mine = S.inputs[index];
    // Drawn again once joined: the answer read back fills the field (what is typed stays).
    add(key(['guess', index, step.question, step.unit, step.min, step.max, closed, S.joined]), function () {
      if (closed) return closedCard(step.question);
      const range = { min: withUnit(step.min, step.unit), max: withUnit(step.max, step.unit) };
      const typed = has(S.drafts, index) ? S.drafts[index] : mine ? figure(mine.value) : '';
      return card([
        heading(step.question),
        textForm('guess', t('live-phone-guess-label') + (step.unit ? ' (' + step.unit + ')' : ''), typed,
          { inputmode: 'decimal' },
          function (text) {
            S.drafts[index] = text;
          },
          function (text) {
            const value = parseNumber(text);
            if (!(value >= step.min && value <= step.max)) return t('live-phone-guess-invalid', range);
            sendInput(index, { kind: 'guess', value: value }, t('live-saved'));
            return '';
          }, 'guess-range'),
        h('p', { id: 'guess-range', class: 'hint' }, [t('live-phone-guess-range', range)]),
      ]);
    });
    if (mine) {
      add(key(['mine', index, mine]), function () {
        return h('p', { class: 'mine' }, [t('live-phone-your-answer', { answer: withUnit(mine.value, step.unit) })]);
      });
    }
    if (results) {
      add(key(['guess-results', index, results, step.source]), function () {
        const total = results.bins.reduce(function (a, b) {
          return a + b.count;
        }, 0);
        return resultsCard(t('live-results'), [
          typeof results.answer === 'number'
            ? h('p', { class: 'lead' }, [t('live-phone-guess-answer', { answer: withUnit(results.answer, step.unit) })])
            : null,
          step.source ? h('p', { class: 'hint' }, [t('live-phone-guess-source', { source: step.source })]) : null,
          typeof results.median === 'number'
            ? h('p', null, [t('live-phone-guess-median', { median: withUnit(results.median, step.unit) })])
            : null,
          h('p', null, [t('live-phone-count', { count: num(results.count, 0) })]),
          h('ul', { class: 'bars' }, results.bins.map(function (b) {
            return bar([t('live-phone-bin', { from: figure(b.from), to: withUnit(b.to, step.unit) })], b.count, total);
          })),
        ]);
      });
    }
  }

  function voteBlocks(add, index, step, closed, results) {
    const mine = S.inputs[index];
    const chosen = mine ? mine.choice : null;
    add(key(['vote', index, step.question, step.choices, closed, chosen]), function () {
      if (closed) return closedCard(step.question);
      return card([
        heading(step.question),
        h('div', { class: 'choices' }, step.choices.map(function (label, i) {
          return h('button', {
            type: 'button', class: 'choice', id: 'choice-' + i, 'aria-pressed': String(chosen === i),
            onclick: function () {
              sendInput(index, { kind: 'vote', choice: i }, t('live-saved'), 'choice-' + i);
            },
          }, [label]);
        })),
      ]);
    });
    if (mine && closed) {
      add(key(['mine', index, mine]), function () {
        return h('p', { class: 'mine' }, [t('live-phone-your-answer', { answer: step.choices[mine.choice] || '' })]);
      });
    }
    if (results) {
      add(key(['vote-results', index, results, step.explanation]), function () {
        const total = results.counts.reduce(function (a, b) {
          return a + b;
        }, 0);
        return resultsCard(t('live-results'), [
          h('ul', { class: 'bars' }, step.choices.map(function (label, i) {
            const right = results.correct === i;
            return bar(right ? [label, ' — ', h('strong', null, ['✓ ' + t('live-phone-vote-correct')])] : [label],
              results.counts[i] || 0, total, right ? 'correct' : '');
          })),
          step.explanation ? h('p', null, [step.explanation]) : null,
        ]);
      });
    }
  }

  function wordsBlocks(add, index, step, closed, results) {
    const mine = S.inputs[index];
    add(key(['words', index, step.question, closed, S.joined]), function () {
      if (closed) return closedCard(step.question);
      const typed = has(S.drafts, index) ? S.drafts[index] : mine ? mine.text : '';
      return card([
        heading(step.question),
        textForm('words', t('live-phone-words-label', { max: num(L.words, 0) }), typed,
          { maxlength: L.words, enterkeyhint: 'send' },
          function (text) {
            S.drafts[index] = text;
          },
          function (text) {
            const clean = collapse(text);
            if (!clean) return t('live-phone-words-empty');
            sendInput(index, { kind: 'words', text: clean }, t('live-saved'));
            return '';
          }),
      ]);
    });
    if (mine) {
      add(key(['mine', index, mine]), function () {
        return h('p', { class: 'mine' }, [t('live-phone-your-answer', { answer: mine.text })]);
      });
    }
    if (results) {
      add(key(['words-results', index, results]), function () {
        return resultsCard(t('live-phone-words-results'), [
          h('ul', { class: 'words' }, results.words.map(function (w) {
            return h('li', null, [w.text, ' ', h('span', { class: 'count' }, ['(' + num(w.count, 0) + ')'])]);
          })),
          h('p', { class: 'hint' }, [t('live-phone-count', { count: num(results.count, 0) })]),
        ]);
      });
    }
  }

  // ---- "Si j'étais maire" by groups: the 100-token game of the budget pack.

  /** The tokens the choices lay on a line (its actual tokens when untouched). */
  function tokensOf(base, choices, code) {
    const line = base.postes.filter(function (p) {
      return p[0] === code;
    })[0];
    const actual = line ? line[2] : 0;
    return typeof choices.jetons[code] === 'number' ? choices.jetons[code] : actual;
  }

  /** The fewest tokens put aside (core MayorBase::autofinancement_min). */
  function savingsFloor(base) {
    if (!(base.jeton > 0)) return 0;
    const tokens = Math.min(Math.max(Math.ceil(base.remboursement / base.jeton - 1e-6), 0), L.tokens);
    const line = base.postes.filter(function (p) {
      return p[0] === 'autofinancement';
    })[0] || ['autofinancement', 0, 0];
    return line[1] + 0.5 >= base.remboursement ? Math.min(tokens, line[2]) : tokens;
  }

  /** The largest tax rise in tokens (core MayorBase::impot_max). */
  function taxCeiling(base) {
    if (!(base.jeton > 0)) return 0;
    return Math.min(Math.max(Math.floor(base.impots_locaux / 10 / base.jeton), 0), L.tokens);
  }

  const PROBLEM_ROOM = {
    equilibre: 'step-problem-equilibre',
    interets: 'step-problem-interets',
    autofinancement: 'step-problem-autofinancement',
    baisse: 'step-problem-baisse',
    impot: 'step-problem-impot',
    imprevu: 'step-problem-imprevu',
  };
  const CARD_COST = { energie: ['administration', 3], classe: ['ecole', 2] };
  const CARD_LOST = { dotation: 2 };

  /** The rules the choices break (core MayorBase::evaluate), as sentences. */
  function evaluate(base, choices) {
    const get = function (code) {
      return Math.min(tokensOf(base, choices, code), 1000);
    };
    const laid = base.postes.reduce(function (sum, p) {
      return sum + get(p[0]);
    }, 0);
    const tax = Math.min(choices.impot || 0, 1000);
    const available = Math.max(L.tokens + tax - (CARD_LOST[choices.imprevu] || 0), 0);
    const actual = function (code) {
      const line = base.postes.filter(function (p) {
        return p[0] === code;
      })[0];
      return line ? line[2] : 0;
    };
    const problems = [];
    if (laid > available) problems.push(t('game-problem-equilibre-over', { count: num(laid - available, 0) }));
    if (laid < available) problems.push(t('game-problem-equilibre-under', { count: num(available - laid, 0) }));
    if (get('interets') !== actual('interets')) {
      problems.push(t('game-problem-interets', { tokens: num(actual('interets'), 0) }));
    }
    const floor = savingsFloor(base);
    if (get('autofinancement') < floor) problems.push(t('game-problem-autofinancement', { min: num(floor, 0) }));
    base.postes.forEach(function (p) {
      if (p[0] === 'interets' || p[0] === 'autofinancement') return;
      if (get(p[0]) + L.cut < p[2]) {
        problems.push(t('game-problem-baisse', {
          poste: D.postes[p[0]] || p[0], tokens: num(p[2] - get(p[0]), 0), max: num(L.cut, 0),
        }));
      }
    });
    const ceiling = taxCeiling(base);
    if (tax > ceiling) problems.push(t('game-problem-impot', { max: num(ceiling, 0) }));
    const cost = CARD_COST[choices.imprevu];
    if (cost && get(cost[0]) < actual(cost[0]) + cost[1]) {
      problems.push(t('game-problem-imprevu', {
        poste: D.postes[cost[0]] || cost[0], tokens: num(actual(cost[0]) + cost[1] - get(cost[0]), 0),
      }));
    }
    return { laid: laid, available: available, problems: problems };
  }

  function mayorDraft(index, base) {
    const mine = S.inputs[index];
    const jetons = {};
    base.postes.forEach(function (p) {
      jetons[p[0]] = mine && typeof mine.choices.jetons[p[0]] === 'number' ? mine.choices.jetons[p[0]] : p[2];
    });
    return {
      fromMine: !!mine,
      touched: false,
      group: mine ? mine.group : '',
      jetons: jetons,
      impot: mine ? mine.choices.impot || 0 : 0,
      imprevu: mine && mine.choices.imprevu ? mine.choices.imprevu : '',
    };
  }

  function choicesOf(draft) {
    const choices = { jetons: Object.assign({}, draft.jetons), impot: draft.impot };
    if (draft.imprevu) choices.imprevu = draft.imprevu;
    return choices;
  }

  /** A number of tokens with one-less and one-more buttons. */
  function stepper(id, label, value, onChange) {
    const input = h('input', {
      id: id, type: 'number', inputmode: 'numeric', min: 0, max: 2 * L.tokens, value: value,
      oninput: function () {
        const v = parseInt(input.value, 10);
        if (v >= 0) onChange(Math.min(v, 2 * L.tokens));
      },
    });
    const move = function (by) {
      return function () {
        const v = Math.min(Math.max((parseInt(input.value, 10) || 0) + by, 0), 2 * L.tokens);
        input.value = v;
        onChange(v);
      };
    };
    return h('span', { class: 'stepper' }, [
      h('button', { type: 'button', 'aria-label': t('game-less', { poste: label }), onclick: move(-1) }, ['−']),
      input,
      h('button', { type: 'button', 'aria-label': t('game-more', { poste: label }), onclick: move(1) }, ['+']),
    ]);
  }

  function mayorForm(index, step) {
    const base = step.base;
    let draft = S.drafts[index];
    if (!draft || (!draft.touched && !draft.fromMine && S.inputs[index])) {
      draft = S.drafts[index] = mayorDraft(index, base);
    }
    const count = h('p', { class: 'count' });
    const verdict = h('div');
    const refresh = function () {
      const outcome = evaluate(base, choicesOf(draft));
      setText(count, t('game-laid', { laid: num(outcome.laid, 0), available: num(outcome.available, 0) }));
      while (verdict.firstChild) verdict.removeChild(verdict.firstChild);
      verdict.appendChild(outcome.problems.length
        ? h('ul', { class: 'problems' }, outcome.problems.map(function (text) {
          return h('li', null, [text]);
        }))
        : h('p', { class: 'ok' }, [t('mayor-balanced')]));
    };
    const touch = function (change) {
      draft.touched = true;
      change();
      refresh();
    };
    const lines = base.postes.map(function (p) {
      const code = p[0];
      const label = D.postes[code] || code;
      const id = 'mayor-' + code;
      const actual = h('span', { class: 'hint' }, [' · ' + t('game-phone-reel', { tokens: num(p[2], 0) })]);
      if (code === 'interets') {
        return h('div', { class: 'line' }, [h('span', { id: id + '-label' }, [label]), actual,
          h('output', { 'aria-labelledby': id + '-label' }, [num(p[2], 0)])]);
      }
      return h('div', { class: 'line' }, [
        h('label', { for: id }, [label]), actual,
        stepper(id, label, draft.jetons[code], function (v) {
          touch(function () {
            draft.jetons[code] = v;
          });
        }),
      ]);
    });
    const cards = h('select', {
      id: 'mayor-card',
      onchange: function () {
        touch(function () {
          draft.imprevu = cards.value;
        });
      },
    }, [h('option', { value: '' }, [t('game-card-none')])].concat(Object.keys(D.cards).map(function (code) {
      return h('option', { value: code }, [D.cards[code]]);
    })));
    cards.value = draft.imprevu;

    const group = h('input', {
      id: 'mayor-group', type: 'text', autocomplete: 'off', maxlength: L.group, value: draft.group,
      'aria-describedby': 'mayor-error',
      oninput: function () {
        draft.touched = true;
        draft.group = group.value;
        group.removeAttribute('aria-invalid');
      },
    });
    const error = h('p', { id: 'mayor-error', class: 'error', role: 'alert' });
    const form = h('form', {
      novalidate: true,
      onsubmit: function (event) {
        event.preventDefault();
        const name = collapse(draft.group);
        let problem = '';
        if (!name) {
          problem = t('mayor-group-missing');
          group.setAttribute('aria-invalid', 'true');
          group.focus();
        }
        setText(error, problem);
        if (problem) return;
        const input = { kind: 'mayor', group: name, choices: choicesOf(draft) };
        sendInput(index, input, t('live-phone-mayor-sent', { group: name }));
      },
    }, [
      h('label', { for: 'mayor-group' }, [t('mayor-group')]),
      group,
      h('fieldset', null, [h('legend', null, [t('game-table-caption')])].concat(lines)),
      h('fieldset', null, [
        h('legend', null, [t('game-tax')]),
        h('div', { class: 'line' }, [
          h('label', { for: 'mayor-tax' }, [t('game-tax')]),
          stepper('mayor-tax', t('game-tax'), draft.impot, function (v) {
            touch(function () {
              draft.impot = v;
            });
          }),
        ]),
        h('p', { class: 'hint' }, [t('game-tax-help', { max: num(taxCeiling(base), 0) })]),
        h('label', { for: 'mayor-card' }, [t('game-card')]),
        cards,
      ]),
      h('div', { class: 'outcome', role: 'status' }, [h('h3', null, [t('mayor-outcome')]), count, verdict]),
      error,
      h('button', { type: 'submit', class: 'primary' }, [t('live-phone-mayor-send')]),
    ]);
    refresh();
    return form;
  }

  function mayorBlocks(add, index, step, closed, results) {
    const mine = S.inputs[index];
    const intro = h('p', null, [t('live-phone-mayor-intro', { commune: step.commune })]);
    add(key(['mayor', index, step.commune, step.base, closed, S.joined]), function () {
      if (closed) return closedCard(t('mayor-title'), [intro]);
      return card([heading(t('mayor-title')), intro, mayorForm(index, step)]);
    });
    if (mine) {
      add(key(['mine', index, mine]), function () {
        const c = mine.choices;
        const lines = step.base.postes.map(function (p) {
          return [D.postes[p[0]] || p[0], num(tokensOf(step.base, c, p[0]), 0)];
        }).concat([
          [t('game-tax'), '+' + num(c.impot || 0, 0)],
          [t('game-card'), c.imprevu ? D.cards[c.imprevu] || c.imprevu : '—'],
        ]);
        return h('section', { class: 'mine', 'aria-labelledby': 'mine-title' }, [
          h('h3', { id: 'mine-title' }, [t('live-phone-mayor-yours') + ' · ' + mine.group]),
          h('dl', null, lines.map(function (line) {
            return h('div', null, [h('dt', null, [line[0]]), h('dd', null, [line[1]])]);
          })),
        ]);
      });
    }
    if (results && mine) {
      const ours = results.groups.filter(function (g) {
        return g.group === mine.group;
      })[0] || results.groups.filter(function (g) {
        return wordKey(g.group) === wordKey(mine.group);
      })[0];
      if (ours) {
        add(key(['mayor-results', index, ours]), function () {
          return resultsCard(t('live-phone-mayor-room'), [ours.problems.length
            ? h('ul', { class: 'problems' }, ours.problems.map(function (code) {
              return h('li', null, [PROBLEM_ROOM[code] ? t(PROBLEM_ROOM[code]) : code]);
            }))
            : h('p', { class: 'ok' }, [t('mayor-balanced')])]);
        });
      }
    }
  }

  // ---- Start: draw the view the page came with, then join and follow. The server drew
  // the first question already: the work starts once it is on screen (the next frame),
  // or after a second in a tab that draws no frame (a background tab's timers wait that
  // long anyway).

  let started = false;
  // ---- Débat mouvant: a side before the discussion, another after it (the server keeps
  // both; a phone sends the open phase's only).

  const STANCES = ['agree', 'disagree', 'undecided'];
  const STANCE_TEXTS = { agree: 'debate-stance-agree', disagree: 'debate-stance-disagree', undecided: 'debate-stance-undecided' };
  const PHASE_TEXTS = { before: 'live-phone-debate-before', after: 'live-phone-debate-after' };

  function debateBlocks(add, index, step, closed, results) {
    const mine = S.inputs[index] || {};
    const phase = (S.view.state.after_phase || []).indexOf(index) >= 0 ? 'after' : 'before';
    const chosen = mine[phase] || '';
    add(key(['debate', index, step.statement, phase, closed, chosen]), function () {
      if (closed) return closedCard(step.statement);
      return card([
        h('p', { class: 'hint' }, [t(PHASE_TEXTS[phase])]),
        heading(step.statement),
        h('div', { class: 'choices' }, STANCES.map(function (s) {
          return h('button', {
            type: 'button', class: 'choice', id: 'stance-' + s, 'aria-pressed': String(chosen === s),
            onclick: function () {
              const input = { kind: 'debate' };
              input[phase] = s;
              send('/input', { step: index, input: input }, function () {
                const kept = Object.assign({}, S.inputs[index] || { kind: 'debate' });
                kept[phase] = s;
                S.inputs[index] = kept;
                S.saved = t('live-saved');
                S.focus = 'stance-' + s;
              });
            },
          }, [t(STANCE_TEXTS[s])]);
        })),
      ]);
    });
    if (phase === 'after' && mine.before) {
      add(key(['debate-was', index, mine.before]), function () {
        return h('p', { class: 'mine' }, [t('live-phone-debate-was', { answer: t(STANCE_TEXTS[mine.before]) })]);
      });
    }
    if (results) {
      add(key(['debate-results', index, results, step.note]), function () {
        const column = function (title, counts) {
          const total = counts.reduce(function (a, b) {
            return a + b;
          }, 0);
          return [h('h3', null, [title]), h('ul', { class: 'bars' }, STANCES.map(function (s, i) {
            return bar([t(STANCE_TEXTS[s])], counts[i] || 0, total);
          }))];
        };
        let changed = 0;
        (results.moves || []).forEach(function (row, from) {
          row.forEach(function (n, to) {
            if (from !== to) changed += n;
          });
        });
        return resultsCard(t('live-results'), column(t('debate-phase-before'), results.before)
          .concat(column(t('debate-phase-after'), results.after))
          .concat([
            results.moves ? h('p', { class: 'lead' }, [t('live-phone-debate-changed', { count: num(changed, 0) })]) : null,
            step.note ? h('p', null, [t('debate-landmark', { note: step.note })]) : null,
          ]));
      });
    }
  }

  function start() {
    if (started) return;
    started = true;
    window.addEventListener('online', function () {
      if (S.stream === 'down') follow();
    });
    render();
    join();
    follow();
  }
  window.requestAnimationFrame(function () {
    window.setTimeout(start, 0);
  });
  window.setTimeout(start, 1000);
})();
