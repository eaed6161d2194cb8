<?php
// php deploy/generate.php  - writes the IAM and ECS JSON under deploy/ from config/deploy.php.
// json_encode() escapes "/" as "\/" and non-ASCII as \uXXXX unless told otherwise; both are valid JSON.
$cfg = require __DIR__ . '/../config/deploy.php';
foreach ($cfg['documents'] as $path => $document) {
    file_put_contents(__DIR__ . '/' . $path, json_encode($document, JSON_PRETTY_PRINT) . "\n");
}
