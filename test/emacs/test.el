;;; test.el --- Emacs with eglot as a real LSP client of Plaid Lens  -*- lexical-binding: t -*-
;; Run by test/emacs/run.js after plaid-lens.el, the configuration exactly as the README shows it:
;;   emacs --batch --no-init-file --no-site-file -l plaid-lens.el -l test.el
;; PLAID_LENS_CLI (the built dist/cli.js) and PLAID_LENS_PROJECT (a copy of fixtures/) come from the environment.
;; Prints one `ok - ...' or `not ok - ...' line per check and exits non-zero when any check fails.

(require 'cl-lib)

(defconst plaid-lens-test-token "access-sandbox-8d3f6a2c-41b7-4e95-a0c8-6f1d2b9e7a34"
  "The fixture's access token, which must never reach the user whole.")

(defconst plaid-lens-test-deadline 10
  "Seconds any one wait may take before its check fails.")

(defvar plaid-lens-test-failures 0
  "How many checks failed so far.")

(defvar plaid-lens-test-configuration-answers nil
  "What eglot answered to the server's workspace/configuration requests, newest first.")

(defun plaid-lens-test-check (name passed &optional detail)
  "Print the TAP-like line for check NAME; DETAIL explains a failure."
  (if passed
      (princ (format "ok - %s\n" name))
    (cl-incf plaid-lens-test-failures)
    (princ (format "not ok - %s%s\n" name (if detail (format ": %S" detail) "")))))

(defun plaid-lens-test-wait (predicate)
  "Serve process output until PREDICATE returns non-nil or the deadline passes; return its last value."
  (let ((deadline (+ (float-time) plaid-lens-test-deadline))
        value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun plaid-lens-test-record-configuration (handle server method &rest params)
  "Around `eglot-handle-request': keep eglot's answers to workspace/configuration, changing nothing."
  (let ((answer (apply handle server method params)))
    (when (eq method 'workspace/configuration)
      (push answer plaid-lens-test-configuration-answers))
    answer))

(defun plaid-lens-test-code (diagnostic)
  "The rule id of a flymake DIAGNOSTIC that eglot made from a Plaid Lens diagnostic."
  (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diagnostic)) :code))

(defun plaid-lens-test-with-code (code)
  "The current buffer's flymake diagnostics whose rule id is CODE."
  (cl-remove-if-not (lambda (d) (equal (plaid-lens-test-code d) code)) (flymake-diagnostics)))

(defun plaid-lens-test-all-text ()
  "Every flymake diagnostic text in the current buffer, for failure details and the masking check."
  (mapconcat #'flymake-diagnostic-text (flymake-diagnostics) "\n"))

(defun plaid-lens-test-visit (file)
  "Visit FILE the way a user does and let eglot start; nil when it manages the buffer, else why not."
  (find-file (expand-file-name file (getenv "PLAID_LENS_PROJECT")))
  ;; `eglot-ensure' connects from `post-command-hook', which only the interactive command loop runs; that loop
  ;; reports an error in the hook and carries on, and so does this.
  (let ((failure (condition-case err (progn (run-hooks 'post-command-hook) nil) (error err))))
    (cond ((plaid-lens-test-wait (lambda () (and (eglot-current-server) eglot--managed-mode))) nil)
          (failure)
          (t (format "no server manages the %s buffer" major-mode)))))

(defun plaid-lens-test-hover-at (text)
  "The hover text with point inside the first occurrence of TEXT, or a string saying why there is none."
  (goto-char (point-min))
  (if (not (search-forward text nil t))
      (format "no %s in the buffer" text)
    (goto-char (- (point) 4))
    (let* ((result (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                    (eglot--TextDocumentPositionParams)
                                    :timeout plaid-lens-test-deadline))
           (contents (plist-get result :contents)))
      (or (if (stringp contents) contents (plist-get contents :value)) "no hover"))))

(defun plaid-lens-test-flush-changes ()
  "Run the pending didChange timer that an idle interactive Emacs would run after `eglot-send-changes-idle-time'."
  (let ((timer eglot--change-idle-timer))
    (when (timerp timer)
      (timer-event-handler timer))
    (timerp timer)))

(defun plaid-lens-test-javascript ()
  "Diagnostics, hovers, quick fixes and an unsaved edit in a JavaScript buffer."
  (let ((failure (plaid-lens-test-visit "app.js")))
    (plaid-lens-test-check "eglot starts the server for a js-mode buffer" (null failure) failure))
  (when eglot--managed-mode
    (plaid-lens-test-check "diagnostics arrive without saving"
                           (plaid-lens-test-wait (lambda () (and (plaid-lens-test-with-code "development-environment")
                                                                 (plaid-lens-test-with-code "malformed-token"))))
                           (plaid-lens-test-all-text))
    (let ((development (car (plaid-lens-test-with-code "development-environment")))
          (malformed (car (plaid-lens-test-with-code "malformed-token"))))
      (plaid-lens-test-check "the Development URL is an error over exactly the URL"
                             (and development (eq (flymake-diagnostic-type development) 'eglot-error)
                                  (equal (buffer-substring (flymake-diagnostic-beg development)
                                                           (flymake-diagnostic-end development))
                                         "https://development.plaid.com"))
                             (and development (list (flymake-diagnostic-beg development)
                                                    (flymake-diagnostic-end development))))
      (plaid-lens-test-check "the Development message names the date and the way out"
                             (and development
                                  (string-match-p "^plaid-lens \\[development-environment\\]: .*2024-06-20.*Sandbox"
                                                  (flymake-diagnostic-text development)))
                             (and development (flymake-diagnostic-text development)))
      (plaid-lens-test-check "the malformed token is a warning on its misspelt environment, with a suggestion"
                             (and malformed (eq (flymake-diagnostic-type malformed) 'eglot-warning)
                                  (equal (buffer-substring (flymake-diagnostic-beg malformed)
                                                           (flymake-diagnostic-end malformed))
                                         "sandbx")
                                  (string-match-p "did you mean `sandbox`" (flymake-diagnostic-text malformed)))
                             (and malformed (flymake-diagnostic-text malformed))))
    (plaid-lens-test-check "a hard-coded token is flagged" (plaid-lens-test-with-code "hardcoded-token")
                           (plaid-lens-test-all-text))
    (let ((all (plaid-lens-test-all-text)))
      (plaid-lens-test-check "diagnostics show the token masked, never whole"
                             (and (string-search "access-sandbox-…7a34" all)
                                  (not (string-search plaid-lens-test-token all)))
                             all))
    (plaid-lens-test-check "eglot answered the server's settings requests from the configuration"
                           (and plaid-lens-test-configuration-answers
                                (cl-every (lambda (answer) (equal answer [(:enable t :maxFileSizeKB 1024)]))
                                          plaid-lens-test-configuration-answers))
                           plaid-lens-test-configuration-answers)
    (let ((hover (plaid-lens-test-hover-at "access-sandbox-")))
      (plaid-lens-test-check "a hover on the token explains its lifecycle, masked"
                             (and (string-search "Lifecycle" hover)
                                  (string-search "access-sandbox-…7a34" hover)
                                  (not (string-search plaid-lens-test-token hover)))
                             hover))
    (let ((hover (plaid-lens-test-hover-at "development.plaid")))
      (plaid-lens-test-check "a hover on the Development URL says when it went"
                             (string-search "2024-06-20" hover) hover))
    (plaid-lens-test-quick-fixes)
    (plaid-lens-test-edit)))

(defun plaid-lens-test-quick-fixes ()
  "Ask for quick fixes on the Development URL, as `eglot-code-actions' does."
  (let* ((development (car (plaid-lens-test-with-code "development-environment")))
         (titles (and development
                      (mapcar (lambda (action) (plist-get action :title))
                              (eglot-code-actions (flymake-diagnostic-beg development)
                                                  (flymake-diagnostic-end development) "quickfix")))))
    (plaid-lens-test-check "quick fixes switch the Development URL to Sandbox or Production"
                           (and (cl-some (lambda (title) (string-prefix-p "Switch to Sandbox" title)) titles)
                                (cl-some (lambda (title) (string-prefix-p "Switch to Production" title)) titles))
                           titles)))

(defun plaid-lens-test-edit ()
  "Type a second Development URL and see it flagged before saving."
  (goto-char (point-min))
  (forward-line 1)
  (insert "const legacy = 'https://development.plaid.com/item/get';\n")
  (plaid-lens-test-check "eglot queues the edit for the server" (plaid-lens-test-flush-changes)
                         eglot--change-idle-timer)
  (plaid-lens-test-check "the typed Development URL is flagged on its new line, unsaved"
                         (plaid-lens-test-wait
                          (lambda ()
                            (and (buffer-modified-p)
                                 (equal (mapcar (lambda (d) (line-number-at-pos (flymake-diagnostic-beg d)))
                                                (sort (plaid-lens-test-with-code "development-environment")
                                                      (lambda (a b) (< (flymake-diagnostic-beg a)
                                                                       (flymake-diagnostic-beg b)))))
                                        '(2 4)))))
                         (plaid-lens-test-all-text)))

(defun plaid-lens-test-dotenv ()
  "A `.env' file opens in `conf-unix-mode', gets its own server and its dotenv findings."
  (let ((failure (plaid-lens-test-visit ".env")))
    (plaid-lens-test-check "eglot starts the server for a .env file" (null failure) failure))
  (plaid-lens-test-check "the .env file opens as a configuration file" (derived-mode-p 'conf-mode) major-mode)
  (when eglot--managed-mode
    (plaid-lens-test-check "PLAID_ENV=development is flagged in the .env file"
                           (plaid-lens-test-wait
                            (lambda ()
                              (cl-some (lambda (d) (string-search "PLAID_ENV" (flymake-diagnostic-text d)))
                                       (plaid-lens-test-with-code "development-environment"))))
                           (plaid-lens-test-all-text))))

(defun plaid-lens-test-pick-action (title beg end)
  "Run `eglot-code-actions' on BEG..END as a user does, picking the action TITLE from its prompt."
  (cl-letf (((symbol-function 'completing-read)
             (lambda (_prompt collection &rest _)
               (car (or (cl-find-if (lambda (item) (string-prefix-p title (car item))) collection)
                        (error "No action %s among %S" title (mapcar #'car collection))))))
            ;; A keyboard event, so eglot prompts in the minibuffer rather than with a mouse menu.
            (last-nonmenu-event ?\r))
    (eglot-code-actions beg end "quickfix" t)))

(defun plaid-lens-test-python ()
  "A Python buffer gets its own server; its quick fix, applied by eglot, clears the finding before saving."
  (let ((failure (plaid-lens-test-visit "settings.py")))
    (plaid-lens-test-check "eglot starts the server for a python-mode buffer" (null failure) failure))
  (when eglot--managed-mode
    (let ((development (plaid-lens-test-wait
                        (lambda () (car (plaid-lens-test-with-code "development-environment"))))))
      (plaid-lens-test-check "the plaid-python Development constant is flagged"
                             (and development
                                  (equal (buffer-substring (flymake-diagnostic-beg development)
                                                           (flymake-diagnostic-end development))
                                         "plaid.Environment.Development"))
                             (plaid-lens-test-all-text))
      (when development
        (plaid-lens-test-pick-action "Switch to Sandbox" (flymake-diagnostic-beg development)
                                     (flymake-diagnostic-end development))
        (plaid-lens-test-check "eglot applies the Sandbox quick fix in the plaid-python spelling"
                               (string-search "host=plaid.Environment.Sandbox," (buffer-string))
                               (buffer-string))
        (plaid-lens-test-flush-changes)
        (plaid-lens-test-check "the fixed constant is no longer flagged, unsaved"
                               (plaid-lens-test-wait
                                (lambda () (and (buffer-modified-p)
                                                (null (plaid-lens-test-with-code "development-environment")))))
                               (plaid-lens-test-all-text))))))

(defun plaid-lens-test-run ()
  "Run every check, print the results and exit with their verdict."
  (advice-add 'eglot-handle-request :around #'plaid-lens-test-record-configuration)
  (setq plaid-lens-command (list "node" (getenv "PLAID_LENS_CLI") "server" "--stdio"))
  (let ((outcome (condition-case err
                     (progn (plaid-lens-test-javascript)
                            (plaid-lens-test-dotenv)
                            (plaid-lens-test-python)
                            nil)
                   (error err))))
    (plaid-lens-test-check "the test script ran to the end" (null outcome) outcome))
  ;; Shut the servers down over the protocol, so no server process outlives the test.
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs (if (> plaid-lens-test-failures 0) 1 0)))

(plaid-lens-test-run)
;;; test.el ends here
